package org.vaenodes.engine.train;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * Trains a VAE with Adam on random mini-batches. Everything random (initial weights, batch order, ε, dropout
 * masks) is derived from the config's seed at the start of {@link #train}, so the same seed and data give
 * the same losses and weights again in the same JVM. Runs on the calling thread.
 */
public final class VaeTrainer {

    private final VaeConfig config;

    public VaeTrainer(VaeConfig config) {
        this.config = config;
    }

    /**
     * @param canceled polled once per iteration; when it returns true training stops within that iteration
     * @throws TrainingCanceledException when {@code canceled} said so
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws IllegalArgumentException when the images do not have the configured size or there are none
     */
    public TrainingResult train(ImageDataset data, TrainingListener listener, BooleanSupplier canceled)
            throws TrainingCanceledException {
        checkData(data);
        NativeBackend.start();
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        SplittableRandom epsRandom = random.split();
        BatchSampler sampler = new BatchSampler(data.size(), Math.min(config.batchSize(), data.size()), random.split());
        int batch = sampler.batchSize();
        int pixels = config.pixels();
        int latent = config.latentSize();

        DirectVaeStep step = new DirectVaeStep(config, VaeWeights.initial(config, DataType.FLOAT), batch);

        float[] xBuffer = new float[batch * pixels];
        float[] epsBuffer = new float[batch * latent];

        int total = config.iterations();
        double[] losses = new double[total];
        double[] reconstruction = new double[total];
        double[] kl = new double[total];
        double[] elapsed = new double[total];
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
            losses[it] = loss;
            reconstruction[it] = rec;
            kl[it] = klTerm;
            elapsed[it] = seconds;
            listener.iterationDone(new TrainingProgress(it, total, loss, rec, klTerm,
                    imagesPerSecond, seconds, perIteration * (total - it - 1)));
        }
        VaeModel model = new VaeModel(config, step.copyParameters(), total, losses[total - 1]);
        return new TrainingResult(model, losses, reconstruction, kl, elapsed);
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
