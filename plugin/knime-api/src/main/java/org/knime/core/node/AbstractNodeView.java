package org.knime.core.node;

import java.awt.Rectangle;

/**
 * Stand-in for KNIME's {@code AbstractNodeView}: base of node views. Keeps the model; opening and closing are
 * {@link #callOpenView(String)} and {@link #callCloseView()} (no window in the stand-in).
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker for models that views can show. */
    public static interface ViewableModel {
    }

    private final T m_viewableModel;

    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new NullPointerException("The model of a view must not be null.");
        }
        m_viewableModel = viewableModel;
    }

    protected final T getViewableModel() {
        return m_viewableModel;
    }

    /** KNIME calls this when the model's state changed (executed, reset, loaded). */
    protected abstract void modelChanged();

    /** KNIME calls this with what the model passed to its views; the default does nothing. */
    protected void updateModel(final Object arg) {
        // nothing by default, as in KNIME
    }

    protected abstract void callOpenView(String title);

    /** As KNIME: the bounds are a hint for the window; the stand-in has none. */
    protected void callOpenView(final String title, final Rectangle knimeWindowBounds) {
        callOpenView(title);
    }

    protected abstract void callCloseView();
}
