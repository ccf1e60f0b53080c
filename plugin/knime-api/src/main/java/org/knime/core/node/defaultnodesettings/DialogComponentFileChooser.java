package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JFileChooser;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentFileChooser}: a file name field for a string settings model (no Swing widgets in the stand-in). */
public class DialogComponentFileChooser extends DialogComponent {

    private String m_toolTip;

    private final String m_historyId;

    /** KNIME titles the box "Selected File:" or "Selected Directory:" until {@link #setBorderTitle} is called. */
    private String m_borderTitle;

    private final List<ChangeListener> m_listeners = new ArrayList<>();

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, JFileChooser.OPEN_DIALOG, false, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_historyId = historyID;
        m_borderTitle = directoryOnly ? "Selected Directory:" : "Selected File:";
    }

    /** The tooltip last set (stand-in bookkeeping). */
    String toolTip() {
        return m_toolTip;
    }

    @Override
    public void setToolTipText(final String text) {
        m_toolTip = text;
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

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    public void addChangeListener(final ChangeListener l) {
        m_listeners.add(l);
    }

    public void setBorderTitle(final String title) {
        m_borderTitle = title;
    }

    /** The title of the box around the field (stand-in bookkeeping). */
    String borderTitle() {
        return m_borderTitle;
    }

    public void setDialogTypeSaveWithExtension(final String defaultExtension) {
        // no file dialog in the stand-in
    }

    public void setAllowRemoteURLs(final boolean allow) {
        // no file dialog in the stand-in
    }

    public void setAllowSystemPropertySubstitution(final boolean allow) {
        // no file dialog in the stand-in
    }
}
