package org.vaenodes.knime.nodes.learner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.memory.NotEnoughMemoryException;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.engine.train.TrainingCanceledException;
import org.vaenodes.engine.train.TrainingControl;
import org.vaenodes.engine.train.TrainingDivergedException;
import org.vaenodes.engine.train.TrainingEnding;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.TrainingProgress;
import org.vaenodes.engine.train.TrainingResult;
import org.vaenodes.engine.train.TrainingRun;
import org.vaenodes.engine.train.TrainingSnapshot;
import org.vaenodes.engine.train.VaeTrainer;
import org.vaenodes.knime.nodes.MemoryCheck;
import org.vaenodes.knime.nodes.NodeSupport;
import org.vaenodes.knime.nodes.learner.monitor.MonitorFiles;
import org.vaenodes.knime.nodes.learner.monitor.MonitorState;
import org.vaenodes.knime.nodes.learner.monitor.SnapshotPictures;
import org.vaenodes.knime.nodes.learner.monitor.TrainingMonitor;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knime.table.FloatImages;
import org.vaenodes.knime.table.ImageCells;
import org.vaenodes.knime.table.ImageRows;

/**
 * Trains a convolutional VAE on the pixel columns of the input table, or continues training the VAE Model at the
 * optional second input. A {@link TrainingMonitor} follows the run for the view (and is kept as the node's
 * internals); its stop request ends the run with the model trained so far.
 */
public final class VaeLearnerNodeModel extends NodeModel {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(VaeLearnerNodeModel.class);

    /** Share of the progress bar spent reading the table. */
    private static final double READ_SHARE = 0.05;

    /** The optional input: a model to train further. */
    static final int MODEL_IN = 1;

    /** Folder of the monitor in the node's internals. */
    static final String MONITOR_DIR = "monitor";

    private final VaeLearnerSettings m_settings = new VaeLearnerSettings();

    private final TrainingMonitor m_monitor = new TrainingMonitor();

    VaeLearnerNodeModel() {
        // new ports go after the existing ones: KNIME connects a saved workflow's ports by index
        super(new PortType[]{BufferedDataTable.TYPE, VaeModelPortObject.TYPE_OPTIONAL},
            new PortType[]{VaeModelPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    /** What the view shows. */
    TrainingMonitor monitor() {
        return m_monitor;
    }

    VaeLearnerSettings settings() {
        return m_settings;
    }

    /** Spec of the training statistics table (validation_loss: missing except at snapshots with validation). */
    static DataTableSpec statsSpec() {
        return new DataTableSpec(new String[]{"iteration", "loss", "reconstruction", "kl", "elapsed_s",
            "validation_loss"}, new org.knime.core.data.DataType[]{IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
                DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE});
    }

    /** Spec of the snapshot table: one row per snapshot, the seed's picture series. */
    static DataTableSpec snapshotSpec() {
        return new DataTableSpec(new org.knime.core.data.DataColumnSpec[]{
            new DataColumnSpecCreator("iteration", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("training_loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("validation_loss", DoubleCell.TYPE).createSpec(),
            ImageCells.spec("inputs_and_reconstructions"), ImageCells.spec("samples")});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        if (in == null) {
            throw new InvalidSettingsException("No input table; connect a table with images (pixel or PNG columns).");
        }
        TrainingInput.Plan plan = TrainingInput.plan(m_settings, in);
        VaeConfig model = inSpecs[MODEL_IN] == null ? null : NodeSupport.modelSpec(inSpecs[MODEL_IN]).getConfig();
        m_settings.run();
        if (!plan.shapeKnown() && model == null) {
            return new PortObjectSpec[]{new VaeModelPortObjectSpec(), statsSpec(), snapshotSpec()}; // the first image tells
        }
        VaeConfig config = plan.shapeKnown() ? config(plan, model) : m_settings.continued(model);
        // the table's size is not known yet: the model and a batch must fit, the images are checked in execute
        MemoryCheck.check(MemoryEstimate.training(config, -1, 0, true));
        return new PortObjectSpec[]{new VaeModelPortObjectSpec(config), statsSpec(), snapshotSpec()};
    }

    /** The settings' configuration, or with a model to continue its architecture and the settings' training. */
    private VaeConfig config(final TrainingInput.Plan plan, final VaeConfig model) throws InvalidSettingsException {
        if (model == null) {
            return TrainingInput.config(m_settings, plan);
        }
        if (model.height() != plan.height() || model.width() != plan.width() || model.channels() != plan.channels()) {
            throw new InvalidSettingsException("The VAE model at the second input is for " + shape(model.height(),
                model.width(), model.channels()) + " images, the input table's are " + shape(plan.height(),
                    plan.width(), plan.channels()) + "; connect images of the model's size or disconnect the model.");
        }
        return m_settings.continued(model);
    }

    private static String shape(final int height, final int width, final int channels) {
        return height + "×" + width + (channels == 1 ? "" : "×" + channels);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        VaeModelPortObject from = (VaeModelPortObject)inObjects[MODEL_IN];
        TrainingInput.Plan plan =
            TrainingInput.complete(TrainingInput.plan(m_settings, table.getDataTableSpec()), table);
        VaeConfig config = config(plan, from == null ? null : from.getSpec().getConfig());
        TrainingRun run = m_settings.run();

        // before the table is read into memory: the images, the model and a batch must fit
        MemoryCheck.check(MemoryEstimate.training(config, table.size(),
            FloatImages.heapBytes(table.size(), plan.channels(), plan.height(), plan.width()), true));
        ImageRows reader = TrainingInput.reader(m_settings, plan, table.getDataTableSpec());
        FloatImages images = readImages(table, plan, reader, exec.createSubProgress(READ_SHARE));
        if (images.size() == 0) {
            throw new InvalidSettingsException(table.size() == 0
                ? "The input table is empty; the VAE Learner needs at least one image."
                : "All " + table.size() + " rows have missing " + (plan.source().isImageColumn() ? "images"
                    : "pixel values") + "; there is nothing to train on.");
        }
        List<String> warnings = new ArrayList<>();
        String warning = reader.warning("they were skipped");
        if (warning != null) {
            warnings.add(warning);
            setWarningMessage(warning);
        }

        NativeBackend.setThreads(m_settings.m_threads.getIntValue());
        LOGGER.info(startLine(images.size(), config));
        ExecutionMonitor trainProgress = exec.createSubProgress(1 - READ_SHARE);
        BufferedDataContainer snapshots = exec.createDataContainer(snapshotSpec());
        Map<Integer, Double> validation = new HashMap<>();
        TrainingControl control = new TrainingControl();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iterationDone(final TrainingProgress p) {
                report(trainProgress, p);
                m_monitor.iteration(p.iteration(), p.loss(), p.reconstruction(), p.kl(), p.imagesPerSecond(),
                    p.elapsedSeconds(), p.etaSeconds());
                if (m_monitor.isStopRequested()) {
                    control.requestStop();
                }
            }

            @Override
            public void snapshotTaken(final TrainingSnapshot s) {
                int done = s.iteration() + 1;
                m_monitor.snapshot(new SnapshotPictures(done, s.trainingLoss(), s.validationLoss(),
                    s.reconstructionsPng(), s.samplesPng()));
                if (s.hasValidation()) {
                    validation.put(s.iteration(), s.validationLoss());
                }
                snapshots.addRowToTable(new DefaultRow(new RowKey("Iteration " + done), new IntCell(done),
                    new DoubleCell(s.trainingLoss()), s.hasValidation() ? new DoubleCell(s.validationLoss())
                        : DataType.getMissingCell(), PNGImageCellFactory.create(s.reconstructionsPng()),
                    PNGImageCellFactory.create(s.samplesPng())));
            }
        };
        int first = from == null ? 0 : from.getIterationsTrained();
        m_monitor.start(first + config.iterations());
        TrainingResult result;
        long started = System.nanoTime();
        try {
            VaeTrainer trainer = new VaeTrainer(config, MemoryCheck.budget());
            if (from == null) {
                result = trainer.train(images, run, listener, NodeSupport.canceled(exec), control);
            } else {
                try (VaeModel start = NodeSupport.open(from)) {
                    result = trainer.resume(start, images, run, listener, NodeSupport.canceled(exec), control);
                }
            }
        } catch (NotEnoughMemoryException e) {
            m_monitor.finish(MonitorState.Phase.FAILED, e.getMessage() + ".");
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        } catch (TrainingCanceledException e) {
            m_monitor.finish(MonitorState.Phase.FAILED, e.getMessage() + "; the model was discarded.");
            throw new CanceledExecutionException(e.getMessage() + ".");
        } catch (TrainingDivergedException e) {
            m_monitor.finish(MonitorState.Phase.FAILED, e.getMessage());
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // too few rows for the validation share, or a model whose architecture does not fit
            m_monitor.finish(MonitorState.Phase.FAILED, e.getMessage() + ".");
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        } catch (RuntimeException | Error e) {
            m_monitor.finish(MonitorState.Phase.FAILED, "Training failed: " + e.getMessage());
            throw e;
        }
        LOGGER.info(endLine(result, (System.nanoTime() - started) / 1e9));
        TrainingEnding ending = result.ending();
        if (ending.early()) {
            warnings.add(ending.message());
        }
        warnings.addAll(result.notes());
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join(" ", warnings));
        }
        m_monitor.finish(MonitorState.Phase.FINISHED, ending.message());
        exec.checkCanceled();
        VaeModelPortObject port;
        try (VaeModel model = result.model()) {
            port = new VaeModelPortObject(model);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the trained model: " + e.getMessage(), e);
        }
        // every iteration for runs up to LossHistory.DEFAULT_CAPACITY, evenly spaced ones beyond (plus the last)
        BufferedDataContainer stats = exec.createDataContainer(statsSpec());
        TrainingResult.Rows rows = result.history();
        for (int i = 0; i < rows.size(); i++) {
            Double val = validation.get(rows.iteration()[i]);
            stats.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), new IntCell(rows.iteration()[i] + 1),
                new DoubleCell(rows.loss()[i]), new DoubleCell(rows.reconstruction()[i]),
                new DoubleCell(rows.kl()[i]), new DoubleCell(rows.elapsedSeconds()[i]),
                val == null ? DataType.getMissingCell() : new DoubleCell(val)));
        }
        stats.close();
        snapshots.close();
        return new PortObject[]{port, stats.getTable(), snapshots.getTable()};
    }

    private static FloatImages readImages(final BufferedDataTable table, final TrainingInput.Plan plan,
        final ImageRows reader, final ExecutionMonitor exec) throws CanceledExecutionException {
        FloatImages images = new FloatImages(plan.channels(), plan.height(), plan.width());
        long n = table.size();
        long i = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                if (i % NodeSupport.BATCH == 0) {
                    exec.checkCanceled();
                    final long done = i;
                    exec.setProgress(NodeSupport.fraction(i, n), () -> "Reading row " + done + " / " + n);
                } else if (i % reader.rowsPerCancelCheck() == 0) {
                    exec.checkCanceled(); // decoding PNGs: between every two rows
                }
                DataRow row = it.next();
                if (reader.read(row, images.nextChunk(), images.nextOffset())) {
                    images.commit();
                }
                i++;
            }
        }
        return images;
    }

    /** What a run trains, for KNIME's log: enough to tell two runs apart without opening the dialog. */
    static String startLine(final long images, final VaeConfig config) {
        return String.format(Locale.ROOT, "Training a VAE on %,d images of %d×%d: %s · %,d iterations, batch %d, "
            + "learning rate %s, seed %d · %s", images, config.height(), config.width(), config.summary(),
            config.iterations(), config.batchSize(), config.learningRate(), config.seed(), NativeBackend.describe());
    }

    /** How the run ended, for KNIME's log. */
    static String endLine(final TrainingResult result, final double seconds) {
        TrainingResult.Rows rows = result.history();
        int last = rows.size() - 1;
        if (last < 0) {
            return String.format(Locale.ROOT, "Trained %,d iterations in %.1f s.", result.iterations(), seconds);
        }
        return String.format(Locale.ROOT, "Trained %,d iterations in %.1f s; final loss %.4f (reconstruction %.4f, "
            + "KL %.4f).", result.iterations(), seconds, rows.loss()[last], rows.reconstruction()[last],
            rows.kl()[last]);
    }

    private static void report(final ExecutionMonitor exec, final TrainingProgress p) {
        exec.setProgress(p.fractionDone(), () -> String.format(Locale.ROOT, "Iteration %d / %d · loss %.4f · ETA %s",
            p.iteration() + 1, p.iterations(), p.loss(), p.etaText()));
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        MonitorFiles.save(m_monitor.state(), nodeInternDir.toPath().resolve(MONITOR_DIR));
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        Path dir = nodeInternDir.toPath().resolve(MONITOR_DIR);
        // workflows saved before the monitor existed have no internals: the view then shows an empty run
        if (MonitorFiles.exists(dir)) {
            m_monitor.restore(MonitorFiles.load(dir));
        } else {
            m_monitor.clear();
        }
    }

    @Override
    protected void reset() {
        m_monitor.clear();
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
