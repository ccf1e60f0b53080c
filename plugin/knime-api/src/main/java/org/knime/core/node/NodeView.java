package org.knime.core.node;

import java.awt.Component;
import java.awt.Rectangle;

/**
 * Stand-in for KNIME's {@code NodeView}: a classic Swing node view. The stand-in opens no frame: {@link
 * #callOpenView(String)} calls {@link #onOpen()} and {@link #modelChanged()}, {@link #callCloseView()} calls
 * {@link #onClose()}; the component set with {@link #setComponent} can be painted off screen.
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_component;

    private boolean m_open;

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    protected final Component getComponent() {
        return m_component;
    }

    /** KNIME shows "no data" over the view while this is on; the stand-in only accepts it. */
    protected final void setShowNODATALabel(final boolean b) {
        // no window in the stand-in
    }

    protected final boolean isOpen() {
        return m_open;
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    @Override
    protected void callOpenView(final String title) {
        m_open = true;
        onOpen();
        modelChanged();
    }

    @Override
    protected final void callOpenView(final String title, final Rectangle knimeWindowBounds) {
        callOpenView(title);
    }

    @Override
    public final void callCloseView() {
        if (m_open) {
            m_open = false;
            onClose();
        }
    }
}
