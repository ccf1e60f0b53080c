package org.vaenodes.knime.nodes.reconstructor;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

import org.vaenodes.knime.nodes.ImageInputSettings;
import org.vaenodes.knime.nodes.SettingsGroup;
import org.vaenodes.knime.table.ColumnSelection;

/** The VAE Reconstructor's settings: input images (pixel columns or a PNG column), what to append and the comparison image's layout. */
final class VaeReconstructorSettings extends SettingsGroup {

    /** Images from pixel columns or a PNG column; images of another size are resized by default. */
    final ImageInputSettings m_input = new ImageInputSettings(true);

    final SettingsModelColumnFilter2 m_columns = ColumnSelection.create();

    final SettingsModelBoolean m_appendPixels = new SettingsModelBoolean("append_pixels", false);

    final SettingsModelBoolean m_appendLatent = new SettingsModelBoolean("append_latent_means", false);

    final SettingsModelIntegerBounded m_gridImages = new SettingsModelIntegerBounded("grid_images", 16, 1, 1024);

    final SettingsModelIntegerBounded m_gridColumns = new SettingsModelIntegerBounded("grid_columns", 8, 1, 128);

    @Override
    protected List<SettingsModel> all() {
        return concat(m_input.models(), m_columns, m_appendPixels, m_appendLatent, m_gridImages, m_gridColumns);
    }

    @Override
    protected Map<String, SettingsModel> addedLater() {
        return m_input.addedLater();
    }

    @Override
    protected VaeReconstructorSettings fresh() {
        return new VaeReconstructorSettings();
    }

    /** The bounded models check their ranges; whether the sizes fit the model is known only in configure. */
    @Override
    protected void check() throws InvalidSettingsException {
        m_input.check();
    }

    @Override
    protected void afterLoad(final NodeSettingsRO settings) throws InvalidSettingsException {
        ColumnSelection.migrateLegacy(m_columns, settings);
    }
}
