package org.knime.core.node;

import java.awt.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code NodeDialogPane}: a classic Swing node dialog. The stand-in only records the tabs;
 * settings go through {@link #loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])} and
 * {@link #saveSettingsTo(NodeSettingsWO)}.
 */
public abstract class NodeDialogPane {

    private final Map<String, Component> m_tabs = new LinkedHashMap<>();

    private JPanel m_panel;

    protected NodeDialogPane() {
    }

    protected final void addTab(final String title, final Component comp) {
        addTab(title, comp, true);
    }

    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        if (m_tabs.containsKey(title)) {
            throw new IllegalArgumentException("A tab \"" + title + "\" exists already.");
        }
        m_tabs.put(title, comp);
    }

    protected final Component getTab(final String title) {
        return m_tabs.get(title);
    }

    protected final int getTabIndex(final String title) {
        return new ArrayList<>(m_tabs.keySet()).indexOf(title);
    }

    protected final List<String> getTabTitles() {
        return new ArrayList<>(m_tabs.keySet());
    }

    protected final void removeTab(final String title) {
        m_tabs.remove(title);
    }

    /** The dialog's panel (empty in the stand-in). */
    public final JPanel getPanel() {
        if (m_panel == null) {
            m_panel = new JPanel();
        }
        return m_panel;
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** By default throws: dialogs override this or the {@code PortObjectSpec[]} variant. */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException(getClass().getSimpleName() + " does not implement loadSettingsFrom.");
    }

    /** By default delegates to the {@code DataTableSpec[]} variant (all ports must be data ports). */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException(getClass().getSimpleName() + " has non-data input ports and must "
                    + "override loadSettingsFrom(NodeSettingsRO, PortObjectSpec[]).");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    /** What KNIME calls when OK/Apply is pressed. */
    public final void finishEditingAndSaveSettingsTo(final NodeSettingsWO settings)
        throws InvalidSettingsException {
        saveSettingsTo(settings);
    }

    public void onOpen() {
        // nothing by default
    }

    public void onClose() {
        // nothing by default
    }

    public void onCancel() {
        // nothing by default
    }

    public final void callOnClose() {
        onClose();
    }

    public final void callOnCancel() {
        onCancel();
    }

    public boolean closeOnESC() {
        return true;
    }
}
