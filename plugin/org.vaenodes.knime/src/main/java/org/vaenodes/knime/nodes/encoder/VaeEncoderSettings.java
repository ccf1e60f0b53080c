package org.vaenodes.knime.nodes.encoder;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;

import org.vaenodes.knime.nodes.ImageInputSettings;
import org.vaenodes.knime.nodes.SettingsGroup;
import org.vaenodes.knime.table.ColumnSelection;

/**
 * The VAE Encoder's settings: where the images come from (pixel columns or a PNG column) and whether to append the
 * log standard deviations.
 */
final class VaeEncoderSettings extends SettingsGroup {

    /** Images from pixel columns or a PNG column; images of another size are resized by default. */
    final ImageInputSettings m_input = new ImageInputSettings(true);

    final SettingsModelColumnFilter2 m_columns = ColumnSelection.create();

    final SettingsModelBoolean m_logStd = new SettingsModelBoolean("append_logstd", false);

    @Override
    protected List<SettingsModel> all() {
        return concat(m_input.models(), m_columns, m_logStd);
    }

    @Override
    protected Map<String, SettingsModel> addedLater() {
        return m_input.addedLater();
    }

    @Override
    protected VaeEncoderSettings fresh() {
        return new VaeEncoderSettings();
    }

    /** Each model checks its own value; only the saved image source needs parsing. */
    @Override
    protected void check() throws InvalidSettingsException {
        m_input.check();
    }

    @Override
    protected void afterLoad(final NodeSettingsRO settings) throws InvalidSettingsException {
        ColumnSelection.migrateLegacy(m_columns, settings);
    }
}
