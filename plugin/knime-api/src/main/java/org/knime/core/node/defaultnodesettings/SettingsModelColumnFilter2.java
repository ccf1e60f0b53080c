package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

/**
 * Stand-in for KNIME's {@code SettingsModelColumnFilter2}: a column include/exclude selection. Until settings are
 * loaded, every (allowed) column is included. Use {@link #applyTo(DataTableSpec)} in configure/execute.
 */
public final class SettingsModelColumnFilter2 extends SettingsModel {

    private DataColumnSpecFilterConfiguration m_config;

    private int m_inputPortIndex = 0;

    /** Accepts columns of all types. */
    public SettingsModelColumnFilter2(final String configName) {
        this(new DataColumnSpecFilterConfiguration(configName));
    }

    private SettingsModelColumnFilter2(final DataColumnSpecFilterConfiguration config) {
        m_config = config;
    }

    void setInputPortIndex(final int index) {
        m_inputPortIndex = index;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_columnfilter";
    }

    @Override
    protected String getConfigName() {
        return m_config.getConfigRootName();
    }

    protected DataColumnSpecFilterConfiguration getFilterConfiguration() {
        return m_config.clone();
    }

    protected void setFilterConfiguration(final DataColumnSpecFilterConfiguration config) {
        if (!config.equals(m_config)) {
            m_config = config.clone();
            notifyChangeListeners();
        }
    }

    /** The included and excluded columns of the spec. */
    public FilterResult applyTo(final DataTableSpec spec) {
        return m_config.applyTo(spec);
    }

    public void loadDefaults(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        m_config.loadDefault(spec, filter, filterDefinesIncludeList);
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        if (specs == null || m_inputPortIndex >= specs.length) {
            throw new NotConfigurableException("Input port index " + m_inputPortIndex + " is out of bounds.");
        }
        DataColumnSpecFilterConfiguration before = m_config.clone();
        m_config.loadConfigurationInDialog(settings, (DataTableSpec)specs[m_inputPortIndex]);
        if (!before.equals(m_config)) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        m_config.saveConfiguration(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_config.clone().loadConfigurationInModel(settings);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        DataColumnSpecFilterConfiguration before = m_config.clone();
        m_config.loadConfigurationInModel(settings);
        if (!before.equals(m_config)) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        m_config.saveConfiguration(settings);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " - Port:" + m_inputPortIndex + "(" + m_config.getConfigRootName() + ")";
    }
}
