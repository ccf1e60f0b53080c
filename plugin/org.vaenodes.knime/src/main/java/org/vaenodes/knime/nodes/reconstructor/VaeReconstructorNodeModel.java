package org.vaenodes.knime.nodes.reconstructor;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
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
import org.vaenodes.knime.table.ImageRows;

/**
 * Appends each row's reconstruction (PNG), its reconstruction error and optionally the reconstructed pixels and
 * latent means; the second output shows the first rows' originals above their reconstructions.
 */
public final class VaeReconstructorNodeModel extends StatelessNodeModel {

    /** PNG column of the reconstruction. */
    public static final String RECONSTRUCTION_COLUMN = "reconstruction";

    /** Mean squared error per pixel between original and reconstruction. */
    public static final String ERROR_COLUMN = "reconstruction_error";

    /**
     * The row's negative ELBO (reconstruction term + KL, in the units of the model's loss, at the latent mean):
     * the higher, the worse the model explains the image.
     */
    public static final String SCORE_COLUMN = "anomaly_score";

    /** Prefix of the reconstructed pixel columns. */
    public static final String PIXEL_PREFIX = "rec_px_";

    /** Prefix of the latent mean columns. */
    public static final String MEAN_PREFIX = "z_mean_";

    private final VaeReconstructorSettings m_settings = new VaeReconstructorSettings();

    VaeReconstructorNodeModel() {
        super(new PortType[]{VaeModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    VaeReconstructorSettings settings() {
        return m_settings;
    }

    private DataTableSpec outSpec(final VaeModelPortObjectSpec model, final DataTableSpec in) {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(ImageCells.spec(RECONSTRUCTION_COLUMN));
        cols.add(new DataColumnSpecCreator(ERROR_COLUMN, DoubleCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator(SCORE_COLUMN, DoubleCell.TYPE).createSpec());
        if (m_settings.m_appendPixels.getBooleanValue()) {
            cols.addAll(List.of(PixelColumns.specs(PIXEL_PREFIX, NodeSupport.channels(model.getConfig()),
                model.getHeight(), model.getWidth())));
        }
        if (m_settings.m_appendLatent.getBooleanValue()) {
            for (int i = 0; i < model.getLatentSize(); i++) {
                cols.add(new DataColumnSpecCreator(MEAN_PREFIX + i, DoubleCell.TYPE).createSpec());
            }
        }
        return BatchAppender.append(in, cols.toArray(new DataColumnSpec[0]));
    }

    private ImageRows reader(final VaeModelPortObjectSpec model, final DataTableSpec in)
        throws InvalidSettingsException {
        return m_settings.m_input.resolve(in, m_settings.m_columns).reader(in,
            NodeSupport.channels(model.getConfig()), model.getHeight(), model.getWidth(), m_settings.m_input.resize());
    }

    static ImagePortObjectSpec imageSpec() {
        return new ImagePortObjectSpec(PNGImageContent.TYPE);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        VaeModelPortObjectSpec model = NodeSupport.modelSpec(inSpecs[0]);
        DataTableSpec in = (DataTableSpec)inSpecs[1];
        if (in == null) {
            throw new InvalidSettingsException("No input table; connect a table with images (pixel or PNG columns).");
        }
        reader(model, in);
        checkSize(model);
        return new PortObjectSpec[]{outSpec(model, in), imageSpec()};
    }

    /** Images in the comparison grid: the setting, at most what one grid of images this size may hold. */
    private int gridImages(final VaeModelPortObjectSpec model) {
        return Math.min(m_settings.m_gridImages.getIntValue(),
            GridBounds.maxImages(model.getHeight(), model.getWidth()));
    }

    /** Refuses appended pixel columns for large images, and a model whose inference cannot fit. */
    private void checkSize(final VaeModelPortObjectSpec model) throws InvalidSettingsException {
        if (m_settings.m_appendPixels.getBooleanValue()) {
            PixelColumns.checkAppendable(NodeSupport.channels(model.getConfig()), model.getHeight(), model.getWidth(),
                "Append reconstructed pixel columns (rec_px_*)");
        }
        MemoryCheck.check(MemoryCheck.reconstructor(model.getConfig(), m_settings.m_appendPixels.getBooleanValue(),
            m_settings.m_appendLatent.getBooleanValue(), gridImages(model)));
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        VaeModelPortObject port = (VaeModelPortObject)inObjects[0];
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        VaeModelPortObjectSpec spec = port.getSpec();
        ImageRows reader = reader(spec, table.getDataTableSpec());
        checkSize(spec);
        DataTableSpec outSpec = outSpec(spec, table.getDataTableSpec());
        int h = spec.getHeight();
        int w = spec.getWidth();
        int channels = NodeSupport.channels(spec.getConfig());
        int pixels = spec.getConfig().imageValues();
        int latent = spec.getLatentSize();
        boolean appendPixels = m_settings.m_appendPixels.getBooleanValue();
        boolean appendLatent = m_settings.m_appendLatent.getBooleanValue();
        int gridMax = gridImages(spec);
        float[] gridOriginals = new float[Math.multiplyExact(gridMax, pixels)];
        float[] gridRecon = new float[Math.multiplyExact(gridMax, pixels)];
        int[] gridCount = {0};
        BufferedDataTable out;
        try (VaeModel model = NodeSupport.open(port)) {
            out = BatchAppender.run(table, outSpec, reader, (images, count) -> {
                VaeModel.Encoding e = model.encode(images, count);
                float[] rec = model.decode(e.mean(), count);
                VaeModel.ImageScores scores = model.scores(images, count);
                int take = Math.min(count, gridMax - gridCount[0]);
                if (take > 0) {
                    System.arraycopy(images, 0, gridOriginals, gridCount[0] * pixels, take * pixels);
                    System.arraycopy(rec, 0, gridRecon, gridCount[0] * pixels, take * pixels);
                    gridCount[0] += take;
                }
                DataCell[][] cells = new DataCell[count][];
                for (int r = 0; r < count; r++) {
                    List<DataCell> c = new ArrayList<>();
                    c.add(ImageCells.png(rec, r * pixels, channels, h, w));
                    double sq = 0;
                    for (int p = 0; p < pixels; p++) {
                        double d = images[r * pixels + p] - rec[r * pixels + p];
                        sq += d * d;
                    }
                    c.add(new DoubleCell(sq / pixels));
                    c.add(new DoubleCell(scores.negativeElbo()[r]));
                    if (appendPixels) {
                        for (int p = 0; p < pixels; p++) {
                            c.add(new DoubleCell(rec[r * pixels + p]));
                        }
                    }
                    if (appendLatent) {
                        for (int j = 0; j < latent; j++) {
                            c.add(new DoubleCell(e.mean()[r * latent + j]));
                        }
                    }
                    cells[r] = c.toArray(new DataCell[0]);
                }
                return cells;
            }, exec, exec.createSubProgress(0.95));
        }
        String warning = reader.warning("their reconstruction columns are missing");
        if (gridMax < m_settings.m_gridImages.getIntValue() && gridCount[0] == gridMax) {
            String grid = String.format(java.util.Locale.ROOT, "The comparison image shows %d of the %d images set "
                + "(\"Images (first rows)\"): one grid holds at most %d images of %d×%d.", gridMax,
                m_settings.m_gridImages.getIntValue(), gridMax, h, w);
            warning = warning == null ? grid : warning + " " + grid;
        }
        if (warning != null) {
            setWarningMessage(warning);
        }
        byte[] png = gridCount[0] == 0 ? PngImages.toPng(new float[pixels], 0, channels, h, w)
            : PngImages.toPngBytes(ImageGrids.comparison(gridOriginals, gridRecon, gridCount[0], channels, h, w,
                m_settings.m_gridColumns.getIntValue()));
        exec.setProgress(1.0);
        return new PortObject[]{out, new ImagePortObject(new PNGImageContent(png), imageSpec())};
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
