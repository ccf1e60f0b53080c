package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

import javax.swing.tree.TreeNode;

/**
 * Stand-in for KNIME's {@code AbstractConfigEntry}: one keyed entry of a config tree (a value or a sub-config).
 */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {

    private static final long serialVersionUID = 1L;

    private String m_key;

    private AbstractConfigEntry m_parent;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Config key must not be null.");
        }
        m_key = key;
    }

    /** Used by the XML reader when the root key is read from the file. */
    void setKeyInternal(final String key) {
        m_key = key;
    }

    public final String getKey() {
        return m_key;
    }

    public final TreeNode getParent() {
        return m_parent;
    }

    public final void setParent(final AbstractConfigEntry parent) {
        m_parent = parent;
    }

    public abstract String toStringValue();

    /** Whether this entry holds the same value as the given one (keys are not compared). */
    boolean sameValueAs(final AbstractConfigEntry other) {
        return other != null && getClass() == other.getClass() && Objects.equals(toStringValue(), other.toStringValue());
    }

    public final boolean isIdentical(final AbstractConfigEntry other) {
        return other != null && m_key.equals(other.m_key) && sameValueAs(other);
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        return obj instanceof AbstractConfigEntry && isIdentical((AbstractConfigEntry)obj);
    }

    /** Hash of the value only; consistent with {@link #sameValueAs}. */
    int valueHash() {
        return Objects.hashCode(toStringValue());
    }

    @Override
    public int hashCode() {
        return 31 * m_key.hashCode() + valueHash();
    }

    @Override
    public String toString() {
        return m_key + "->" + toStringValue();
    }

    @Override
    public Enumeration<TreeNode> children() {
        return Collections.emptyEnumeration();
    }

    @Override
    public final boolean getAllowsChildren() {
        return !isLeaf();
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        throw new ArrayIndexOutOfBoundsException(childIndex);
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public boolean isLeaf() {
        return true;
    }
}
