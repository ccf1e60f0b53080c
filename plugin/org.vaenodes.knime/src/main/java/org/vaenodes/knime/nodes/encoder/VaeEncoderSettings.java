package org.vaenodes.knime.nodes.encoder;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;

import org.vaenodes.knime.nodes.SettingsGroup;
import org.vaenodes.knime.table.ColumnSelection;

/** The VAE Encoder's settings: which pixel columns to encode and whether to append the log standard deviations. */
final class VaeEncoderSettings extends SettingsGroup {

    final SettingsModelColumnFilter2 m_columns = ColumnSelection.create();

    final SettingsModelBoolean m_logStd = new SettingsModelBoolean("append_logstd", false);

    @Override
    protected List<SettingsModel> all() {
        return List.of(m_columns, m_logStd);
    }

    @Override
    protected VaeEncoderSettings fresh() {
        return new VaeEncoderSettings();
    }

    /** Each model checks its own value; the two settings cannot contradict each other. */
    @Override
    protected void check() throws InvalidSettingsException {
        // nothing to combine
    }

    @Override
    protected void afterLoad(final NodeSettingsRO settings) throws InvalidSettingsException {
        ColumnSelection.migrateLegacy(m_columns, settings);
    }
}
