package org.vaenodes.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.model.OptimizerState;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.engine.net.RandomStreams;

/**
 * Trains a VAE with Adam on random mini-batches. Everything random (initial weights, the validation split, batch
 * order, ε, dropout masks, the snapshots' inputs and latent vectors) is derived from the config's seed; each
 * iteration's batch, ε and masks from (seed, iteration) alone, so the same seed and data give the same losses and
 * weights again, and a run continued from a model that kept its {@link OptimizerState} ({@link #resume}) ends with
 * the very weights of one that never stopped. Runs on the calling thread. Before allocating anything it checks the
 * run's {@link MemoryEstimate} against a {@link MemoryBudget}; the loss history it returns is bounded
 * ({@link LossHistory}), the listener sees every iteration and every {@link TrainingSnapshot}.
 */
public final class VaeTrainer {

    /** Streams derived from the seed, one number each (the dropout masks have their own family in the network). */
    private static final int BATCH_STREAM = 1;
    private static final int EPSILON_STREAM = 2;
    private static final int SPLIT_STREAM = 3;
    private static final int SHOWN_STREAM = 4;
    private static final int SAMPLE_STREAM = 5;
    private static final int VALIDATION_EPSILON_STREAM = 6;

    private final VaeConfig config;
    private final MemoryBudget budget;
    private final int historyCapacity;

    /** A trainer that checks against this JVM's limits ({@link MemoryBudget#current()}). */
    public VaeTrainer(VaeConfig config) {
        this(config, null);
    }

    /** @param budget the limits to check against; null for this JVM's, looked up when training starts */
    public VaeTrainer(VaeConfig config, MemoryBudget budget) {
        this(config, budget, LossHistory.DEFAULT_CAPACITY);
    }

    VaeTrainer(VaeConfig config, MemoryBudget budget, int historyCapacity) {
        this.config = config;
        this.budget = budget;
        this.historyCapacity = historyCapacity;
    }

    /**
     * Trains {@code config.iterations()} iterations from fresh weights, without snapshots, validation or early
     * end ({@link TrainingRun#PLAIN}).
     *
     * @param canceled polled once per iteration; when it returns true training stops within that iteration
     * @throws TrainingCanceledException when {@code canceled} said so
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws IllegalArgumentException when the images do not have the configured size or there are none
     * @throws org.vaenodes.engine.memory.NotEnoughMemoryException when the run cannot fit (the images, already
     *         loaded, are not counted)
     */
    public TrainingResult train(ImageDataset data, TrainingListener listener, BooleanSupplier canceled)
            throws TrainingCanceledException {
        return train(data, TrainingRun.PLAIN, listener, canceled, new TrainingControl());
    }

    /**
     * Trains {@code config.iterations()} iterations from fresh weights as {@code run} says.
     *
     * @param canceled polled once per iteration; true discards the run ({@link TrainingCanceledException})
     * @param control polled once per iteration; a stop request ends the run normally, keeping its model
     * @throws TrainingCanceledException when {@code canceled} said so
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws IllegalArgumentException when the images do not have the configured size or are too few
     */
    public TrainingResult train(ImageDataset data, TrainingRun run, TrainingListener listener, BooleanSupplier canceled,
            TrainingControl control) throws TrainingCanceledException {
        return run(null, data, run, listener, canceled, control);
    }

    /**
     * Continues training {@code from} for {@code config.iterations()} more iterations. The trainer's config must
     * have the model's architecture (its training settings may differ; with the same ones, the same seed and data
     * the result equals one uninterrupted run bit for bit). A model without {@link OptimizerState} (format version
     * 1) continues with Adam restarted from zero moments, and {@link TrainingResult#notes()} says so. {@code from}
     * stays the caller's and is not changed.
     *
     * @throws IllegalArgumentException when the architectures differ, naming the first difference
     */
    public TrainingResult resume(VaeModel from, ImageDataset data, TrainingRun run, TrainingListener listener,
            BooleanSupplier canceled, TrainingControl control) throws TrainingCanceledException {
        if (!from.config().architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("The model to continue has another architecture than the one"
                    + " configured for training (" + differences(from.config(), config) + "); continue it with the"
                    + " model's own architecture");
        }
        return run(from, data, run, listener, canceled, control);
    }

    private TrainingResult run(VaeModel from, ImageDataset data, TrainingRun run, TrainingListener listener,
            BooleanSupplier canceled, TrainingControl control) throws TrainingCanceledException {
        checkData(data);
        long seed = config.seed() ^ 0x5DEECE66DL;
        RowSplit split = RowSplit.of(data, run.validationShare(), RandomStreams.seed(seed, SPLIT_STREAM, 0));
        ImageDataset training = split.training;
        MemoryEstimate.training(config, data.size(), 0, false).check(budget != null ? budget : MemoryBudget.current());
        NativeBackend.start();
        BatchSampler sampler = new BatchSampler(training.size(), Math.min(config.batchSize(), training.size()),
                RandomStreams.seed(seed, BATCH_STREAM, 0));
        int batch = sampler.batchSize();
        int pixels = config.pixels();
        int latent = config.latentSize();
        List<String> notes = new ArrayList<>();

        int start = from == null ? 0 : from.iterationsTrained();
        int adamStart = 0;
        DirectVaeStep step;
        if (from == null) {
            Map<String, INDArray> initial = VaeWeights.initial(config, DataType.FLOAT);
            step = new DirectVaeStep(config, initial, batch);
            // the step holds its own copy; freeing these now keeps them out of the end-of-training peak
            for (INDArray a : initial.values()) {
                if (a.closeable()) {
                    a.close();
                }
            }
        } else {
            step = new DirectVaeStep(config, from.weights(), batch);
            OptimizerState state = from.optimizerState();
            if (state != null) {
                step.restoreOptimizerState(state);
                adamStart = state.adamIteration();
            } else {
                notes.add("The model to continue holds no optimizer state (it was saved by an older version of"
                        + " VAE Nodes): Adam restarted from zero moments, so the result differs from one"
                        + " uninterrupted run.");
            }
        }
        Snapshots snapshots = run.snapshotEvery() <= 0 ? null : new Snapshots(config, split.validation != null
                ? split.validation : training, split.validation, RandomStreams.seed(seed, SHOWN_STREAM, 0),
                RandomStreams.seed(seed, SAMPLE_STREAM, 0), RandomStreams.seed(seed, VALIDATION_EPSILON_STREAM, 0));

        float[] xBuffer = new float[batch * pixels];
        float[] epsBuffer = new float[batch * latent];

        int end = Math.addExact(start, config.iterations());
        long limitNanos = run.timeLimit() == null ? Long.MAX_VALUE : run.timeLimit().toNanos();
        TrainingRun.EarlyStopping early = run.earlyStopping();
        LossHistory history = new LossHistory(historyCapacity);
        Best best = new Best();
        TrainingEnding.Reason reason = TrainingEnding.Reason.COMPLETED;
        double lastLoss = Double.NaN;
        double lastRec = Double.NaN;
        double lastKl = Double.NaN;
        int lastSnapshot = -1;
        long startNanos = System.nanoTime();
        long firstDone = 0;
        long now = startNanos;
        int it = start;
        try {
            for (; it < end; it++) {
                if (canceled.getAsBoolean()) {
                    throw new TrainingCanceledException(it);
                }
                if (control.stopRequested()) {
                    reason = TrainingEnding.Reason.STOPPED;
                    break;
                }
                if (now - startNanos >= limitNanos) {
                    reason = TrainingEnding.Reason.TIME_LIMIT;
                    break;
                }
                int[] indices = sampler.batchAt(it);
                for (int i = 0; i < batch; i++) {
                    training.copyImage(indices[i], xBuffer, i * pixels);
                }
                SplittableRandom epsRandom = new SplittableRandom(RandomStreams.seed(seed, EPSILON_STREAM, it));
                for (int i = 0; i < epsBuffer.length; i++) {
                    epsBuffer[i] = (float) epsRandom.nextGaussian();
                }
                step.startIteration(it);
                step.forwardBackward(xBuffer, epsBuffer);
                double loss = step.loss();
                double rec = step.reconstruction();
                double klTerm = step.kl();
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(it, loss, config.learningRate(), config.klWeight());
                }
                step.applyAdam(adamStart + it - start);
                now = System.nanoTime();
                if (it == start) {
                    firstDone = now;
                }
                double seconds = (now - startNanos) / 1e9;
                double steady = (now - firstDone) / 1e9;
                int done = it - start;
                double imagesPerSecond = done == 0 ? batch / seconds : (double) done * batch / steady;
                double perIteration = done == 0 ? seconds : steady / done;
                history.add(it, loss, rec, klTerm, seconds);
                lastLoss = loss;
                lastRec = rec;
                lastKl = klTerm;
                listener.iterationDone(new TrainingProgress(it, end, loss, rec, klTerm,
                        imagesPerSecond, seconds, perIteration * (end - it - 1), start));
                if (snapshots != null && it % run.snapshotEvery() == 0) {
                    lastSnapshot = it;
                    TrainingSnapshot s = snapshots.take(step, it, loss, rec, klTerm, startNanos, canceled);
                    listener.snapshotTaken(s);
                    if (early != null && best.offer(s, step, adamStart + it + 1 - start, early)) {
                        it++;
                        reason = TrainingEnding.Reason.EARLY_STOPPING;
                        break;
                    }
                    now = System.nanoTime();
                }
            }
            int done = it;
            if (snapshots != null && done > start && lastSnapshot != done - 1) {
                TrainingSnapshot s = snapshots.take(step, done - 1, lastLoss, lastRec, lastKl, startNanos,
                        canceled);
                listener.snapshotTaken(s);
                if (early != null) {
                    best.offer(s, step, adamStart + done - start, early);
                }
            }
            VaeModel model;
            int modelIterations;
            if (early != null && best.weights != null) {
                model = new VaeModel(config, best.weights, best.iteration + 1, best.trainingLoss, best.optimizer);
                best.weights = null;
                best.optimizer = null;
                modelIterations = best.iteration + 1;
            } else {
                model = new VaeModel(config, step.copyParameters(), done, lastLoss,
                        step.copyOptimizerState(adamStart + done - start));
                modelIterations = done;
            }
            TrainingEnding ending = new TrainingEnding(reason, done, end, modelIterations, best.loss);
            return new TrainingResult(model, done, history.rows(), ending, notes);
        } finally {
            best.close();
        }
    }

    /** The best validation evaluation so far and the parameters it had, for early stopping. */
    private static final class Best {
        double loss = Double.NaN;
        int iteration = -1;
        double trainingLoss;
        Map<String, INDArray> weights;
        OptimizerState optimizer;
        int sinceImprovement;

        /** Records the snapshot's validation loss; true when the run should stop. */
        boolean offer(TrainingSnapshot s, DirectVaeStep step, int adamNext, TrainingRun.EarlyStopping rule) {
            double v = s.validationLoss();
            if (Double.isNaN(loss) || v < loss - rule.minDelta()) {
                close();
                loss = v;
                iteration = s.iteration();
                trainingLoss = s.trainingLoss();
                weights = step.copyParameters();
                optimizer = step.copyOptimizerState(adamNext);
                sinceImprovement = 0;
                return false;
            }
            return ++sinceImprovement >= rule.patience();
        }

        void close() {
            if (weights != null) {
                for (INDArray a : weights.values()) {
                    a.close();
                }
                weights = null;
                optimizer = null;
            }
        }
    }

    /** The architecture settings that differ, e.g. "latent size 2 in the model, 3 configured". */
    private static String differences(VaeConfig model, VaeConfig configured) {
        List<String> d = new ArrayList<>();
        differ(d, "image size", model.height() + "×" + model.width(), configured.height() + "×" + configured.width());
        differ(d, "latent size", model.latentSize(), configured.latentSize());
        differ(d, "kernel size", model.kernelSize(), configured.kernelSize());
        differ(d, "encoder filters", java.util.Arrays.toString(model.encoderFilters()),
                java.util.Arrays.toString(configured.encoderFilters()));
        differ(d, "encoder strides", java.util.Arrays.toString(model.encoderStrides()),
                java.util.Arrays.toString(configured.encoderStrides()));
        differ(d, "decoder dense units", model.decoderHidden(), configured.decoderHidden());
        differ(d, "decoder filters", java.util.Arrays.toString(model.decoderFilters()),
                java.util.Arrays.toString(configured.decoderFilters()));
        differ(d, "decoder strides", java.util.Arrays.toString(model.decoderStrides()),
                java.util.Arrays.toString(configured.decoderStrides()));
        differ(d, "leaky ReLU slope", model.leakyReluAlpha(), configured.leakyReluAlpha());
        return d.isEmpty() ? "the architecture settings differ" : String.join("; ", d);
    }

    private static void differ(List<String> d, String what, Object model, Object configured) {
        if (!model.equals(configured)) {
            d.add(what + " " + model + " in the model, " + configured + " configured");
        }
    }

    private void checkData(ImageDataset data) {
        if (data.size() < 1) {
            throw new IllegalArgumentException("There are no images to train on");
        }
        if (data.height() != config.height() || data.width() != config.width()) {
            throw new IllegalArgumentException("The images are " + data.height() + "×" + data.width()
                    + " but the model is configured for " + config.height() + "×" + config.width());
        }
    }
}
