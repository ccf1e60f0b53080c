package org.vaenodes.knime.nodes.mnistreader;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.vaenodes.knime.nodes.StatelessNodeModel;
import org.vaenodes.engine.data.BuiltinMnist;
import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.knime.nodes.NodeSupport;
import org.vaenodes.knime.table.ImageCells;
import org.vaenodes.knime.table.PixelColumns;

/** Reads MNIST-style IDX images (built-in, local files or downloaded) into a table. */
public final class MnistReaderNodeModel extends StatelessNodeModel {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(MnistReaderNodeModel.class);

    /** Column of the digit / class label. */
    public static final String LABEL_COLUMN = "label";

    /** Column of the PNG image. */
    public static final String IMAGE_COLUMN = "image";

    private final MnistReaderSettings m_settings = new MnistReaderSettings();

    private final MnistDownloader m_downloader;

    MnistReaderNodeModel() {
        this(new MnistDownloader());
    }

    /** With another downloader (tests use one with other checksums). */
    MnistReaderNodeModel(final MnistDownloader downloader) {
        super(0, 1);
        m_downloader = downloader;
    }

    MnistReaderSettings settings() {
        return m_settings;
    }

    /** The output spec for images of the given size, with or without a label column. */
    static DataTableSpec outputSpec(final int height, final int width, final boolean labels) {
        List<DataColumnSpec> cols = new ArrayList<>();
        if (labels) {
            cols.add(new DataColumnSpecCreator(LABEL_COLUMN, IntCell.TYPE).createSpec());
        }
        cols.add(ImageCells.spec(IMAGE_COLUMN));
        for (DataColumnSpec c : PixelColumns.specs(height, width)) {
            cols.add(c);
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        if (m_settings.source() == MnistSource.LOCAL) {
            Path images = localPath(m_settings.m_imagesFile.getStringValue(), "images file", true);
            Path labels = localPath(m_settings.m_labelsFile.getStringValue(), "labels file", false);
            int[] size = readHeader(images);
            return new DataTableSpec[]{outputSpec(size[0], size[1], labels != null)};
        }
        // the built-in set and both downloadable datasets are 28×28 with labels
        return new DataTableSpec[]{outputSpec(28, 28, true)};
    }

    private static Path localPath(final String value, final String what, final boolean required)
        throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidSettingsException("No " + what + " set; choose an IDX " + what
                    + " (e.g. t10k-images-idx3-ubyte or .gz) in the node dialog.");
            }
            return null;
        }
        Path p;
        try {
            p = value.startsWith("file:") ? Path.of(java.net.URI.create(value)) : Path.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The " + what + " \"" + value + "\" is not a valid path.", e);
        }
        if (!Files.isRegularFile(p)) {
            throw new InvalidSettingsException("The " + what + " \"" + p + "\" does not exist or is not a file.");
        }
        return p;
    }

    /** Height and width from an IDX image file's 16-byte header (gz or raw). */
    static int[] readHeader(final Path file) throws InvalidSettingsException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
            DataInputStream data = new DataInputStream(in);
            int magic = data.readInt();
            if (magic != IdxReader.IMAGE_MAGIC) {
                throw new InvalidSettingsException(file + ": not an IDX image file (magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x00000803). Choose an images file such as "
                    + "t10k-images-idx3-ubyte.gz.");
            }
            int count = data.readInt();
            int rows = data.readInt();
            int cols = data.readInt();
            if (count < 0 || rows < 1 || cols < 1 || rows > IdxReader.MAX_DIMENSION
                || cols > IdxReader.MAX_DIMENSION) {
                throw new InvalidSettingsException(file + ": invalid IDX header (" + count + " images of " + rows
                    + "×" + cols + ").");
            }
            return new int[]{rows, cols};
        } catch (EOFException e) {
            throw new InvalidSettingsException(file + ": too short for an IDX image header (16 bytes).", e);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        DataTableSpec spec = configure(new DataTableSpec[0])[0];
        exec.setMessage("Reading images");
        IdxDataset data = load(exec.createSubProgress(0.3));
        int max = m_settings.m_maxRows.getIntValue();
        if (max > 0 && max < data.size()) {
            data = data.subset(max);
        }
        IdxImages images = data.images();
        boolean labels = spec.containsName(LABEL_COLUMN);
        if (labels && !data.hasLabels()) {
            throw new InvalidSettingsException("The dataset has no labels although a labels file was expected.");
        }
        int h = images.height();
        int w = images.width();
        int pixels = h * w;
        double scale = m_settings.pixelScale().factor();
        BufferedDataContainer out = exec.createDataContainer(spec);
        ExecutionMonitor rowsProgress = exec.createSubProgress(0.7);
        float[] buf = new float[pixels];
        int n = data.size();
        for (int i = 0; i < n; i++) {
            if (i % NodeSupport.BATCH == 0) {
                rowsProgress.checkCanceled();
                final int done = i;
                rowsProgress.setProgress(NodeSupport.fraction(i, n), () -> "Row " + done + " / " + n);
            }
            DataCell[] cells = new DataCell[spec.getNumColumns()];
            int c = 0;
            if (labels) {
                cells[c++] = new IntCell(data.labels().label(i));
            }
            images.copyImage(i, buf, 0);
            cells[c++] = ImageCells.png(buf, 0, h, w);
            for (int p = 0; p < pixels; p++) {
                cells[c++] = new DoubleCell(images.rawPixel(i, p) * scale);
            }
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), cells));
        }
        out.close();
        return new BufferedDataTable[]{out.getTable()};
    }

    private IdxDataset load(final ExecutionMonitor exec) throws Exception {
        try {
            switch (m_settings.source()) {
                case LOCAL:
                    return readLocal();
                case DOWNLOAD:
                    return download(exec);
                case BUILTIN:
                default:
                    LOGGER.info("Reading the built-in MNIST test set.");
                    return BuiltinMnist.load();
            }
        } catch (CanceledExecutionException | InvalidSettingsException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private IdxDataset readLocal() throws InvalidSettingsException, IOException {
        Path images = localPath(m_settings.m_imagesFile.getStringValue(), "images file", true);
        Path labels = localPath(m_settings.m_labelsFile.getStringValue(), "labels file", false);
        LOGGER.info("Reading IDX images from " + images
            + (labels == null ? " (no labels file)." : " and labels from " + labels + "."));
        return IdxReader.readDataset(images, labels);
    }

    private IdxDataset download(final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException, InvalidSettingsException {
        MnistDownloader.Dataset dataset = MnistDownloader.Dataset.of(m_settings.m_dataset.getStringValue());
        String base = m_settings.m_baseUrl.getStringValue();
        if (base == null || base.isBlank()) {
            base = dataset.defaultBaseUrl();
        }
        String cache = m_settings.m_cacheDir.getStringValue();
        Path dir = cache == null || cache.isBlank() ? MnistDownloader.defaultCacheDir(dataset) : Path.of(cache);
        boolean train = m_settings.split() == MnistSplit.TRAIN;
        Path images = m_downloader.fetch(dataset, MnistDownloader.imagesFile(train), base, dir,
            exec.createSubProgress(0.8));
        Path labels = m_downloader.fetch(dataset, MnistDownloader.labelsFile(train), base, dir,
            exec.createSubProgress(0.2));
        LOGGER.info("Reading " + dataset.label() + " images from " + images + " and labels from " + labels + ".");
        return IdxReader.readDataset(images, labels);
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
