package org.knime.core.node;

/** Stand-in for KNIME's {@code AbstractNodeView}: base of node views (no UI in the stand-in). */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker for models that views can show. */
    public static interface ViewableModel {
    }

    private final T m_model;

    protected AbstractNodeView(final T viewableModel) {
        m_model = viewableModel;
    }

    protected final T getViewableModel() {
        return m_model;
    }

    public NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    protected abstract void modelChanged();

    protected void updateModel(final Object arg) {
        // nothing by default
    }

    protected abstract void callOpenView(String title);

    protected abstract void callCloseView();
}
