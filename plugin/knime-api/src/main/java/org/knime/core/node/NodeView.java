package org.knime.core.node;

/** Stand-in for KNIME's {@code NodeView}: a classic Swing node view (no frame is opened in the stand-in). */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }
}
