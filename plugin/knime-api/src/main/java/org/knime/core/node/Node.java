package org.knime.core.node;

/**
 * Stand-in for KNIME's {@code Node} (the framework's wrapper of a node model). It exists only so that the
 * {@link ExecutionContext#ExecutionContext(NodeProgressMonitor, Node)} constructor has its real signature; the
 * stand-in accepts {@code null} there.
 */
public final class Node {

    private Node() {
    }
}
