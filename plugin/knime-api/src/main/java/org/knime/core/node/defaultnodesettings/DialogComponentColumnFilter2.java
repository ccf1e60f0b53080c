package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DialogComponentColumnFilter2}: a {@link DataColumnSpecFilterPanel} (without
 * widgets) for a column filter settings model. As in KNIME, opening the dialog loads the model's configuration
 * (sorted against the input spec by the model's dialog load) into the panel, and OK writes the panel back into the
 * model before the model saves, so an untouched OK saves what the panel shows, not what was loaded.
 */
public class DialogComponentColumnFilter2 extends DialogComponent {

    private final int m_inPortIndex;

    private final DataColumnSpecFilterPanel m_panel = new DataColumnSpecFilterPanel();

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex) {
        this(model, inPortIndex, true);
    }

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex,
        final boolean showLineBorder) {
        super(model);
        m_inPortIndex = inPortIndex;
        model.setInputPortIndex(inPortIndex);
    }

    @Override
    protected void updateComponent() {
        PortObjectSpec spec = getLastTableSpec(m_inPortIndex);
        if (spec instanceof DataTableSpec) {
            m_panel.loadConfiguration(filterModel().getFilterConfiguration(), (DataTableSpec)spec);
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        DataColumnSpecFilterConfiguration config = filterModel().getFilterConfiguration();
        m_panel.saveConfiguration(config);
        filterModel().setFilterConfiguration(config);
    }

    private SettingsModelColumnFilter2 filterModel() {
        return (SettingsModelColumnFilter2)getModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }
}
