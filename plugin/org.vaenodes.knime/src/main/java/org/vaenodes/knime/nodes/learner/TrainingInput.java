package org.vaenodes.knime.nodes.learner;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.vaenodes.engine.model.InvalidConfigException;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.knime.nodes.ImageInputSettings;
import org.vaenodes.knime.table.ImageRows;
import org.vaenodes.knime.table.PngDecoding;

/**
 * What the VAE Learner trains on: the pixel columns (size from their properties or entered, as before; 3 channels
 * when they are named {@code px_r_*, px_g_*, px_b_*}) or a PNG
 * column, whose first image gives the channels (a gray PNG 1, any other 3) unless they are chosen, and, with
 * "Image size from column properties" ticked, the size. What the first image tells is known only once the table is
 * there, so a Learner on a PNG column configures without a model spec unless both are set in the dialog.
 */
final class TrainingInput {

    private TrainingInput() {
    }

    /** The source and the images' shape (0 where it is read from the first image). */
    record Plan(ImageInputSettings.Input source, int channels, int height, int width) {

        boolean shapeKnown() {
            return channels > 0 && height > 0 && width > 0;
        }
    }

    /** The plan for a table of {@code spec}, as far as the spec tells. */
    static Plan plan(final VaeLearnerSettings s, final DataTableSpec spec) throws InvalidSettingsException {
        ImageInputSettings.Input source = s.m_input.resolve(spec, s.m_columns);
        if (!source.isImageColumn()) {
            VaeLearnerSettings.Input px = s.input(spec);
            return new Plan(new ImageInputSettings.Input(-1, null, px.columns(), px.indices()), px.channels(),
                px.height(), px.width());
        }
        boolean fromImage = s.m_sizeFromProperties.getBooleanValue();
        return new Plan(source, s.m_input.channels().count(), fromImage ? 0 : s.m_height.getIntValue(),
            fromImage ? 0 : s.m_width.getIntValue());
    }

    /**
     * The plan with the shape filled in from the table's first image (the first row whose image is not missing).
     *
     * @throws InvalidSettingsException when no row has an image
     * @throws IllegalArgumentException naming the row when that image cannot be read
     */
    static Plan complete(final Plan plan, final BufferedDataTable table) throws InvalidSettingsException {
        if (plan.shapeKnown()) {
            return plan;
        }
        int col = plan.source().imageColumn();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                DataCell cell = row.getNumCells() > col ? row.getCell(col) : null;
                if (cell == null || cell.isMissing() || !(cell instanceof PNGImageValue)) {
                    continue; // the reader names a damaged row when it reaches it
                }
                PngDecoding.Decoded header;
                try {
                    header = PngDecoding.header(((PNGImageValue)cell).getImageContent().getByteArrayReference());
                } catch (PngDecoding.DecodeException e) {
                    throw new IllegalArgumentException("Row \"" + row.getKey() + "\", column \""
                        + plan.source().imageColumnName() + "\": " + e.getMessage()
                        + "; fix or filter out the image upstream.", e);
                }
                return new Plan(plan.source(), plan.channels() > 0 ? plan.channels() : header.channels(),
                    plan.height() > 0 ? plan.height() : header.height(), plan.width() > 0 ? plan.width()
                        : header.width());
            }
        }
        throw new InvalidSettingsException(table.size() == 0
            ? "The input table is empty; the VAE Learner needs at least one image."
            : "All " + table.size() + " rows have a missing image in column \"" + plan.source().imageColumnName()
                + "\"; there is nothing to train on.");
    }

    /** The engine configuration for the plan's images. */
    static VaeConfig config(final VaeLearnerSettings s, final Plan plan) throws InvalidSettingsException {
        VaeConfig config = s.config(plan.height(), plan.width());
        if (config.channels() == plan.channels()) {
            return config;
        }
        try {
            return config.toBuilder().channels(plan.channels()).build();
        } catch (InvalidConfigException e) {
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        }
    }

    /** A reader of the plan's images. */
    static ImageRows reader(final VaeLearnerSettings s, final Plan plan, final DataTableSpec spec)
        throws InvalidSettingsException {
        return plan.source().reader(spec, plan.channels(), plan.height(), plan.width(), s.m_input.resize());
    }
}
