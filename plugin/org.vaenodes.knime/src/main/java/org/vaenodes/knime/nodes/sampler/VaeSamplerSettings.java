package org.vaenodes.knime.nodes.sampler;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

import org.vaenodes.knime.nodes.SettingsGroup;

/** The VAE Sampler's settings: the mode, its counts and traversal grid, and the outputs. */
final class VaeSamplerSettings extends SettingsGroup {

    final SettingsModelString m_mode = new SettingsModelString("mode", SamplerMode.RANDOM.key());

    final SettingsModelIntegerBounded m_count = new SettingsModelIntegerBounded("count", 16, 1, 1_000_000);

    final SettingsModelLong m_seed = new SettingsModelLong("seed", 0);

    final SettingsModelIntegerBounded m_dimX = new SettingsModelIntegerBounded("traversal_dim_x", 0, 0, 4095);

    final SettingsModelIntegerBounded m_dimY = new SettingsModelIntegerBounded("traversal_dim_y", 1, 0, 4095);

    final SettingsModelIntegerBounded m_steps = new SettingsModelIntegerBounded("traversal_steps", 8, 2, 100);

    final SettingsModelDoubleBounded m_range = new SettingsModelDoubleBounded("traversal_range", 3.0, 0.0, 100.0);

    final SettingsModelBoolean m_appendPixels = new SettingsModelBoolean("append_pixels", false);

    final SettingsModelIntegerBounded m_gridColumns = new SettingsModelIntegerBounded("grid_columns", 8, 1, 128);

    @Override
    protected List<SettingsModel> all() {
        return List.of(m_mode, m_count, m_seed, m_dimX, m_dimY, m_steps, m_range, m_appendPixels, m_gridColumns);
    }

    @Override
    protected VaeSamplerSettings fresh() {
        return new VaeSamplerSettings();
    }

    /** The mode must be one the node knows; the traversal dimensions are checked against the model in configure. */
    @Override
    protected void check() throws InvalidSettingsException {
        mode();
    }

    SamplerMode mode() throws InvalidSettingsException {
        return SamplerMode.parse(m_mode.getStringValue());
    }
}
