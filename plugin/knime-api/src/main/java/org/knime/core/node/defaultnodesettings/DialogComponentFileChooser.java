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

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String file = ((SettingsModelString)getModel()).getStringValue();
        if (file == null || file.trim().isEmpty()) {
            throw new InvalidSettingsException("Please specify a filename.");
        }
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
        // no border in the stand-in
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
