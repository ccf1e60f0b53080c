package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentFileChooser}: a file name field for a string settings model (no Swing widgets in the stand-in). */
public class DialogComponentFileChooser extends DialogComponent {

    /** KNIME titles the box "Selected File:" or "Selected Directory:" until {@link #setBorderTitle} is called. */
    private String m_borderTitle;

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_borderTitle = directoryOnly ? "Selected Directory:" : "Selected File:";
    }

    @Override
    protected void updateComponent() {
        // no widgets to update
    }

    /**
     * Accepts an empty name: in KNIME 5.5.3 an untouched OK with empty file fields was valid and saved ""
     * (shared/knime-real/mnist-reader-dialog-ok.*), although older sources of this class refuse it.
     */
    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the field shows the model's value, nothing to transfer
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    public void setBorderTitle(final String title) {
        m_borderTitle = title;
    }

    /** The title of the box around the field (stand-in bookkeeping). */
    String borderTitle() {
        return m_borderTitle;
    }
}
