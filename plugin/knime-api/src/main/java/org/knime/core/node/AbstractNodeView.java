package org.knime.core.node;

/** Stand-in for KNIME's {@code AbstractNodeView}: base of node views (no UI in the stand-in). */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker for models that views can show. */
    public static interface ViewableModel {
    }

    /** The stand-in opens no views, so it does not keep the model. */
    protected AbstractNodeView(final T viewableModel) {
    }
}
