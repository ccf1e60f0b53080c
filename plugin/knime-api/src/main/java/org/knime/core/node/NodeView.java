package org.knime.core.node;

import java.awt.Component;

/** Stand-in for KNIME's {@code NodeView}: a classic Swing node view (no frame is opened in the stand-in). */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_component;

    private String m_title = "";

    private boolean m_open;

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    protected abstract void onOpen();

    protected abstract void onClose();

    @Override
    protected void callOpenView(final String title) {
        m_title = title == null ? "" : title;
        m_open = true;
        onOpen();
    }

    @Override
    public final void callCloseView() {
        m_open = false;
        onClose();
    }

    protected final boolean isOpen() {
        return m_open;
    }

    public final String getViewTitle() {
        return m_title;
    }

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    protected final Component getComponent() {
        return m_component;
    }
}
