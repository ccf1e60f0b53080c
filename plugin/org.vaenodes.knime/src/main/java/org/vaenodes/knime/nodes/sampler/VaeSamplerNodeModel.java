package org.vaenodes.knime.nodes.sampler;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.vaenodes.knime.nodes.StatelessNodeModel;
import org.vaenodes.engine.image.GridBounds;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.nodes.BatchAppender;
import org.vaenodes.knime.nodes.MemoryCheck;
import org.vaenodes.knime.nodes.NodeSupport;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knime.table.ImageCells;
import org.vaenodes.knime.table.PixelColumns;

/** Generates new images from a VAE: random samples, an interpolation or a traversal of two latent dimensions. */
public final class VaeSamplerNodeModel extends StatelessNodeModel {

    /** Prefix of the latent vector columns. */
    public static final String LATENT_PREFIX = "z_";

    /** PNG column of the generated image. */
    public static final String IMAGE_COLUMN = "image";

    private final VaeSamplerSettings m_settings = new VaeSamplerSettings();

    VaeSamplerNodeModel() {
        super(new PortType[]{VaeModelPortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    VaeSamplerSettings settings() {
        return m_settings;
    }

    private DataTableSpec outSpec(final VaeModelPortObjectSpec model) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < model.getLatentSize(); i++) {
            cols.add(new DataColumnSpecCreator(LATENT_PREFIX + i, DoubleCell.TYPE).createSpec());
        }
        cols.add(ImageCells.spec(IMAGE_COLUMN));
        if (m_settings.m_appendPixels.getBooleanValue()) {
            cols.addAll(List.of(PixelColumns.specs(PixelColumns.PREFIX, NodeSupport.channels(model.getConfig()),
                model.getHeight(), model.getWidth())));
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private void check(final VaeModelPortObjectSpec model) throws InvalidSettingsException {
        if (m_settings.mode() == SamplerMode.TRAVERSAL) {
            int latent = model.getLatentSize();
            for (SettingsModelIntegerBounded d : List.of(m_settings.m_dimX, m_settings.m_dimY)) {
                if (d.getIntValue() >= latent) {
                    throw new InvalidSettingsException("Latent dimension " + d.getIntValue() + " does not exist: "
                        + "the model has latent size " + latent + " (dimensions 0–" + (latent - 1) + ").");
                }
            }
            if (latent > 1 && m_settings.m_dimX.getIntValue() == m_settings.m_dimY.getIntValue()) {
                throw new InvalidSettingsException("The traversal needs two different latent dimensions; both are "
                    + m_settings.m_dimX.getIntValue() + ".");
            }
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        VaeModelPortObjectSpec model = NodeSupport.modelSpec(inSpecs[0]);
        m_settings.check();
        check(model);
        checkSize(model);
        return new PortObjectSpec[]{outSpec(model), new ImagePortObjectSpec(PNGImageContent.TYPE)};
    }

    /** The points to decode, in chunks. */
    private LatentPoints points(final SamplerMode mode, final int latent) {
        if (mode == SamplerMode.TRAVERSAL) {
            return LatentPoints.traversal(latent, m_settings.m_steps.getIntValue(),
                m_settings.m_range.getDoubleValue(), m_settings.m_dimX.getIntValue(), m_settings.m_dimY.getIntValue());
        }
        return LatentPoints.sampled(mode, latent, m_settings.m_count.getIntValue(), m_settings.m_seed.getLongValue());
    }

    /** Images in the grid output: all of them, at most what one grid of images this size may hold. */
    private int gridImages(final VaeModelPortObjectSpec model) throws InvalidSettingsException {
        int steps = m_settings.m_steps.getIntValue();
        int n = m_settings.mode() == SamplerMode.TRAVERSAL ? steps * steps : m_settings.m_count.getIntValue();
        return Math.min(n, GridBounds.maxImages(model.getHeight(), model.getWidth()));
    }

    /** Refuses appended pixel columns for large images, and a model whose decoding cannot fit. */
    private void checkSize(final VaeModelPortObjectSpec model) throws InvalidSettingsException {
        if (m_settings.m_appendPixels.getBooleanValue()) {
            PixelColumns.checkAppendable(NodeSupport.channels(model.getConfig()), model.getHeight(), model.getWidth(),
                "Append pixel columns (px_*)");
        }
        MemoryCheck.check(MemoryCheck.sampler(model.getConfig(), m_settings.m_appendPixels.getBooleanValue(),
            gridImages(model)));
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        VaeModelPortObject port = (VaeModelPortObject)inObjects[0];
        VaeModelPortObjectSpec spec = port.getSpec();
        SamplerMode mode = m_settings.mode();
        check(spec);
        checkSize(spec);
        DataTableSpec outSpec = outSpec(spec);
        int h = spec.getHeight();
        int w = spec.getWidth();
        int channels = NodeSupport.channels(spec.getConfig());
        int pixels = spec.getConfig().imageValues();
        int latent = spec.getLatentSize();
        boolean appendPixels = m_settings.m_appendPixels.getBooleanValue();
        LatentPoints points = points(mode, latent);
        int n = points.count();
        int gridMax = gridImages(spec);
        // only the grid's images are kept; the rest are written to the table chunk by chunk
        float[] grid = new float[Math.multiplyExact(gridMax, pixels)];
        int chunk = BatchAppender.rowsPerBatch(pixels);
        BufferedDataContainer out = exec.createDataContainer(outSpec);
        try (VaeModel model = NodeSupport.open(port)) {
            for (int start = 0; start < n; start += chunk) {
                exec.checkCanceled();
                final int s = start;
                exec.setProgress(NodeSupport.fraction(start, n), () -> "Image " + s + " / " + n);
                int count = Math.min(chunk, n - start);
                float[] zb = points.next(count);
                float[] decoded = model.decode(zb, count);
                int forGrid = Math.min(count, gridMax - start);
                if (forGrid > 0) {
                    System.arraycopy(decoded, 0, grid, start * pixels, forGrid * pixels);
                }
                for (int r = 0; r < count; r++) {
                    DataCell[] cells = new DataCell[outSpec.getNumColumns()];
                    int c = 0;
                    for (int j = 0; j < latent; j++) {
                        cells[c++] = new DoubleCell(zb[r * latent + j]);
                    }
                    cells[c++] = ImageCells.png(decoded, r * pixels, channels, h, w);
                    if (appendPixels) {
                        for (int p = 0; p < pixels; p++) {
                            cells[c++] = new DoubleCell(decoded[r * pixels + p]);
                        }
                    }
                    out.addRowToTable(new DefaultRow(RowKey.createRowKey((long)start + r), cells));
                }
            }
        }
        exec.checkCanceled();
        out.close();
        if (gridMax < n) {
            setWarningMessage(String.format(java.util.Locale.ROOT, "The image output shows the first %,d of the %,d "
                + "images (one grid holds at most %,d images of %d×%d); the table has all of them.", gridMax, n, gridMax,
                h, w));
        }
        int columns = mode == SamplerMode.TRAVERSAL ? m_settings.m_steps.getIntValue()
            : m_settings.m_gridColumns.getIntValue();
        byte[] png = PngImages.toPngBytes(ImageGrids.tiles(grid, gridMax, channels, h, w, columns));
        return new PortObject[]{out.getTable(),
            new ImagePortObject(new PNGImageContent(png), new ImagePortObjectSpec(PNGImageContent.TYPE))};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }
}
