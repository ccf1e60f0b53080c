package org.vaenodes.knime.nodes.learner;

import java.io.IOException;
import java.util.Locale;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vaenodes.knime.nodes.StatelessNodeModel;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.memory.NotEnoughMemoryException;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.engine.train.TrainingCanceledException;
import org.vaenodes.engine.train.TrainingDivergedException;
import org.vaenodes.engine.train.TrainingProgress;
import org.vaenodes.engine.train.TrainingResult;
import org.vaenodes.engine.train.VaeTrainer;
import org.vaenodes.knime.nodes.MemoryCheck;
import org.vaenodes.knime.nodes.NodeSupport;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knime.table.FloatImages;
import org.vaenodes.knime.table.ImageRows;

/** Trains a convolutional VAE on the pixel columns of the input table. */
public final class VaeLearnerNodeModel extends StatelessNodeModel {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(VaeLearnerNodeModel.class);

    /** Share of the progress bar spent reading the table. */
    private static final double READ_SHARE = 0.05;

    private final VaeLearnerSettings m_settings = new VaeLearnerSettings();

    VaeLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE},
            new PortType[]{VaeModelPortObject.TYPE, BufferedDataTable.TYPE});
    }

    VaeLearnerSettings settings() {
        return m_settings;
    }

    /** Spec of the training statistics table. */
    static DataTableSpec statsSpec() {
        return new DataTableSpec(new String[]{"iteration", "loss", "reconstruction", "kl", "elapsed_s"},
            new org.knime.core.data.DataType[]{IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
                DoubleCell.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        if (in == null) {
            throw new InvalidSettingsException("No input table; connect a table with images (pixel or PNG columns).");
        }
        TrainingInput.Plan plan = TrainingInput.plan(m_settings, in);
        if (!plan.shapeKnown()) {
            return new PortObjectSpec[]{new VaeModelPortObjectSpec(), statsSpec()}; // the first image tells
        }
        VaeConfig config = TrainingInput.config(m_settings, plan);
        // the table's size is not known yet: the model and a batch must fit, the images are checked in execute
        MemoryCheck.check(MemoryEstimate.training(config, -1, 0, true));
        return new PortObjectSpec[]{new VaeModelPortObjectSpec(config), statsSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        TrainingInput.Plan plan =
            TrainingInput.complete(TrainingInput.plan(m_settings, table.getDataTableSpec()), table);
        VaeConfig config = TrainingInput.config(m_settings, plan);

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
        String warning = reader.warning("they were skipped");
        if (warning != null) {
            setWarningMessage(warning);
        }

        NativeBackend.setThreads(m_settings.m_threads.getIntValue());
        LOGGER.info(startLine(images.size(), config));
        ExecutionMonitor trainProgress = exec.createSubProgress(1 - READ_SHARE);
        TrainingResult result;
        long started = System.nanoTime();
        try {
            result = new VaeTrainer(config, MemoryCheck.budget()).train(images, p -> report(trainProgress, p),
                NodeSupport.canceled(exec));
        } catch (NotEnoughMemoryException e) {
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        } catch (TrainingCanceledException e) {
            throw new CanceledExecutionException(e.getMessage() + ".");
        } catch (TrainingDivergedException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        LOGGER.info(endLine(result, (System.nanoTime() - started) / 1e9));
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
            stats.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), new IntCell(rows.iteration()[i] + 1),
                new DoubleCell(rows.loss()[i]), new DoubleCell(rows.reconstruction()[i]),
                new DoubleCell(rows.kl()[i]), new DoubleCell(rows.elapsedSeconds()[i])));
        }
        stats.close();
        return new PortObject[]{port, stats.getTable()};
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
