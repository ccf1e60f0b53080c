package org.vaenodes.engine.train;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * Trains a VAE with Adam on random mini-batches. Everything random (initial weights, batch order, ε, dropout
 * masks) is derived from the config's seed at the start of {@link #train}, so the same seed and data give
 * the same losses and weights again in the same JVM. Runs on the calling thread. Before allocating anything it
 * checks the run's {@link MemoryEstimate} against a {@link MemoryBudget}; the loss history it returns is bounded
 * ({@link LossHistory}), the listener sees every iteration.
 */
public final class VaeTrainer {

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
     * @param canceled polled once per iteration; when it returns true training stops within that iteration
     * @throws TrainingCanceledException when {@code canceled} said so
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws IllegalArgumentException when the images do not have the configured size or there are none
     * @throws org.vaenodes.engine.memory.NotEnoughMemoryException when the run cannot fit (the images, already
     *         loaded, are not counted)
     */
    public TrainingResult train(ImageDataset data, TrainingListener listener, BooleanSupplier canceled)
            throws TrainingCanceledException {
        checkData(data);
        MemoryEstimate.training(config, data.size(), 0, false).check(budget != null ? budget : MemoryBudget.current());
        NativeBackend.start();
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        SplittableRandom epsRandom = random.split();
        BatchSampler sampler = new BatchSampler(data.size(), Math.min(config.batchSize(), data.size()), random.split());
        int batch = sampler.batchSize();
        int pixels = config.imageValues();
        int latent = config.latentSize();

        Map<String, INDArray> initial = VaeWeights.initial(config, DataType.FLOAT);
        DirectVaeStep step = new DirectVaeStep(config, initial, batch);
        // the step holds its own copy; freeing these now keeps them out of the end-of-training peak
        for (INDArray a : initial.values()) {
            if (a.closeable()) {
                a.close();
            }
        }

        float[] xBuffer = new float[batch * pixels];
        float[] epsBuffer = new float[batch * latent];

        int total = config.iterations();
        LossHistory history = new LossHistory(historyCapacity);
        double lastLoss = Double.NaN;
        long start = System.nanoTime();
        long firstDone = 0;
        for (int it = 0; it < total; it++) {
            if (canceled.getAsBoolean()) {
                throw new TrainingCanceledException(it);
            }
            int[] indices = sampler.next();
            for (int i = 0; i < batch; i++) {
                data.copyImage(indices[i], xBuffer, i * pixels);
            }
            for (int i = 0; i < epsBuffer.length; i++) {
                epsBuffer[i] = (float) epsRandom.nextGaussian();
            }
            step.forwardBackward(xBuffer, epsBuffer);
            double loss = step.loss();
            double rec = step.reconstruction();
            double klTerm = step.kl();
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(it, loss, config.learningRate(), config.klWeight());
            }
            step.applyAdam(it);
            long now = System.nanoTime();
            if (it == 0) {
                firstDone = now;
            }
            double seconds = (now - start) / 1e9;
            double steady = (now - firstDone) / 1e9;
            double imagesPerSecond = it == 0 ? batch / seconds : (double) it * batch / steady;
            double perIteration = it == 0 ? seconds : steady / it;
            history.add(it, loss, rec, klTerm, seconds);
            lastLoss = loss;
            listener.iterationDone(new TrainingProgress(it, total, loss, rec, klTerm,
                    imagesPerSecond, seconds, perIteration * (total - it - 1)));
        }
        VaeModel model = new VaeModel(config, step.copyParameters(), total, lastLoss);
        return new TrainingResult(model, total, history.rows());
    }

    private void checkData(ImageDataset data) {
        if (data.size() < 1) {
            throw new IllegalArgumentException("There are no images to train on");
        }
        if (data.height() != config.height() || data.width() != config.width()) {
            throw new IllegalArgumentException("The images are " + data.height() + "×" + data.width()
                    + " but the model is configured for " + config.height() + "×" + config.width());
        }
        if (data.channels() != config.channels()) {
            throw new IllegalArgumentException("The images have " + data.channels() + " channel(s) but the model is "
                    + "configured for " + config.channels());
        }
    }
}
