package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DefaultNodeSettingsPane}: a dialog made of {@link DialogComponent}s, arranged in
 * tabs and groups. Loading and saving go through all components in the order they were added, then through
 * {@link #loadAdditionalSettingsFrom}/{@link #saveAdditionalSettingsTo}. The stand-in records the layout only.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String DEFAULT_TAB = "Options";

    private final List<DialogComponent> m_components = new ArrayList<>();

    private final Map<String, List<DialogComponent>> m_layout = new LinkedHashMap<>();

    private String m_currentTab;

    public DefaultNodeSettingsPane() {
        m_currentTab = DEFAULT_TAB;
        m_layout.put(m_currentTab, new ArrayList<>());
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_layout.get(m_currentTab).add(diaC);
    }

    /** Groups only frame components on screen; they do not change the order of loading and saving. */
    public void createNewGroup(final String title) {
        // no Swing layout in the stand-in
    }

    public void closeCurrentGroup() {
        // no Swing layout in the stand-in
    }

    public void createNewTab(final String tabTitle) {
        if (m_layout.containsKey(tabTitle)) {
            throw new IllegalArgumentException("A tab \"" + tabTitle + "\" exists already.");
        }
        m_layout.put(tabTitle, new ArrayList<>());
        m_currentTab = tabTitle;
    }

    public void setDefaultTabTitle(final String tabTitle) {
        List<DialogComponent> comps = m_layout.remove(DEFAULT_TAB);
        if (comps != null) {
            Map<String, List<DialogComponent>> rest = new LinkedHashMap<>(m_layout);
            m_layout.clear();
            m_layout.put(tabTitle, comps);
            m_layout.putAll(rest);
            if (DEFAULT_TAB.equals(m_currentTab)) {
                m_currentTab = tabTitle;
            }
        }
    }

    public void setHorizontalPlacement(final boolean horizontal) {
        // no Swing layout in the stand-in
    }

    /** Components per tab title, in order (stand-in bookkeeping). */
    Map<String, List<DialogComponent>> layout() {
        return m_layout;
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    /** Override to load settings that no component handles; by default calls the {@code DataTableSpec[]} one. */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        boolean allTables = true;
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] instanceof DataTableSpec || specs[i] == null) {
                tableSpecs[i] = (DataTableSpec)specs[i];
            } else {
                allTables = false;
            }
        }
        if (allTables) {
            loadAdditionalSettingsFrom(settings, tableSpecs);
        }
    }

    /** Override to load settings that no component handles. */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // nothing by default
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /** Override to save settings that no component handles. */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // nothing by default
    }
}
