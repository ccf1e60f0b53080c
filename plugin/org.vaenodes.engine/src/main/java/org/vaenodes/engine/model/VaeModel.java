package org.vaenodes.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * A trained VAE: its configuration, weights and a little history. Inference runs without dropout, in batches
 * of {@link #INFERENCE_BATCH} images, on the calling thread. Images are flat float arrays, one image after the
 * other, each {@link VaeConfig#imageValues()} values in [0,1], channel-major (the layout of
 * {@link ImageDataset}). Not thread-safe: use one instance per thread.
 */
public final class VaeModel implements AutoCloseable {

    public static final int INFERENCE_BATCH = 256;

    private final VaeConfig config;
    private final Map<String, INDArray> weights;
    private final int iterationsTrained;
    private final double finalLoss;
    private final OptimizerState optimizerState;
    private EagerInference network;

    public VaeModel(VaeConfig config, Map<String, INDArray> weights, int iterationsTrained, double finalLoss) {
        this(config, weights, iterationsTrained, finalLoss, null);
    }

    /**
     * @param optimizerState what training needs to continue exactly ; null when
     *        it is not kept (models of format version 1, or trained before it existed)
     */
    public VaeModel(VaeConfig config, Map<String, INDArray> weights, int iterationsTrained, double finalLoss,
            OptimizerState optimizerState) {
        this.config = config;
        this.optimizerState = optimizerState;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.iterationsTrained = iterationsTrained;
        this.finalLoss = finalLoss;
        for (VaeWeights.Param p : VaeWeights.params(config)) {
            INDArray a = weights.get(p.name());
            if (a == null) {
                throw new IllegalArgumentException("The model has no weights for '" + p.name() + "'");
            }
            if (!java.util.Arrays.equals(a.shape(), p.shape())) {
                throw new IllegalArgumentException("Weights '" + p.name() + "' have shape "
                        + java.util.Arrays.toString(a.shape()) + ", the configuration needs "
                        + java.util.Arrays.toString(p.shape()));
            }
        }
        if (optimizerState != null) {
            long count = ModelFileLimits.parameterCount(VaeWeights.params(config));
            if (optimizerState.parameterCount() != count) {
                throw new IllegalArgumentException("The optimizer state holds " + optimizerState.parameterCount()
                        + " moments per kind, the configuration has " + count + " parameters");
            }
        }
    }

    public VaeConfig config() { return config; }
    public Map<String, INDArray> weights() { return weights; }
    public int iterationsTrained() { return iterationsTrained; }
    public double finalLoss() { return finalLoss; }

    /** Adam's state for continuing exactly; null when the model does not keep it. */
    public OptimizerState optimizerState() { return optimizerState; }

    /** Latent mean and log-std of {@code count} images. */
    public record Encoding(float[] mean, float[] logStd, int count, int latentSize) {
    }

    public Encoding encode(float[] images, int count) {
        checkImages(images, count);
        int latent = config.latentSize();
        float[] mean = new float[count * latent];
        float[] logStd = new float[count * latent];
        EagerInference net = network();
        for (int start = 0; start < count; start += INFERENCE_BATCH) {
            net.encode(images, start, Math.min(INFERENCE_BATCH, count - start), mean, logStd);
        }
        return new Encoding(mean, logStd, count, latent);
    }

    /** Decodes {@code count} latent vectors into images. */
    public float[] decode(float[] z, int count) {
        int latent = config.latentSize();
        if (z.length < (long) count * latent) {
            throw new IllegalArgumentException("Expected " + count + "×" + latent + " latent values, got " + z.length);
        }
        float[] images = new float[count * config.imageValues()];
        EagerInference net = network();
        for (int start = 0; start < count; start += INFERENCE_BATCH) {
            net.decodeLogits(z, start, Math.min(INFERENCE_BATCH, count - start), images);
        }
        for (int i = 0; i < images.length; i++) {
            images[i] = sigmoid(images[i]);
        }
        return images;
    }

    /** Reconstructs images through the latent mean (no sampling noise). */
    public float[] reconstruct(float[] images, int count) {
        return decode(encode(images, count).mean(), count);
    }

    /** {@code count} latent vectors drawn from N(0, I), reproducible from {@code seed}. */
    public float[] sampleLatent(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[count * config.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    /** {@code count} new images decoded from z ~ N(0, I). */
    public float[] sample(int count, long seed) {
        return decode(sampleLatent(count, seed), count);
    }

    /** Mean loss terms over a whole dataset. */
    public record Evaluation(double loss, double reconstruction, double kl, int images) {
    }

    /**
     * Mean loss over every image of {@code data}, dropout off, with ε drawn from a generator seeded by
     * {@code epsilonSeed} so the figure is reproducible.
     */
    public Evaluation evaluate(ImageDataset data, long epsilonSeed) {
        if (data.height() != config.height() || data.width() != config.width()) {
            throw new IllegalArgumentException("The images are " + data.height() + "×" + data.width()
                    + " but the model expects " + config.height() + "×" + config.width());
        }
        if (data.channels() != config.channels()) {
            throw new IllegalArgumentException("The images have " + data.channels() + " channel(s) but the model "
                    + "expects " + config.channels());
        }
        EagerInference net = network();
        SplittableRandom random = new SplittableRandom(epsilonSeed);
        int pixels = config.imageValues();
        int latent = config.latentSize();
        boolean squared = config.reconstructionLoss() == ReconstructionLoss.SUM_SQUARED;
        double recon = 0;
        double kl = 0;
        float[] x = new float[INFERENCE_BATCH * pixels];
        float[] mean = new float[INFERENCE_BATCH * latent];
        float[] logStd = new float[INFERENCE_BATCH * latent];
        float[] z = new float[INFERENCE_BATCH * latent];
        float[] logits = new float[INFERENCE_BATCH * pixels];
        for (int start = 0; start < data.size(); start += INFERENCE_BATCH) {
            int n = Math.min(INFERENCE_BATCH, data.size() - start);
            for (int i = 0; i < n; i++) {
                data.copyImage(start + i, x, i * pixels);
            }
            net.encode(x, 0, n, mean, logStd);
            for (int j = 0; j < n * latent; j++) {
                double m = mean[j];
                double ls = logStd[j];
                z[j] = (float) (m + random.nextGaussian() * Math.exp(ls));
                kl += -0.5 * (1 + 2 * ls - m * m - Math.exp(2 * ls));
            }
            net.decodeLogits(z, 0, n, logits);
            for (int j = 0; j < n * pixels; j++) {
                recon += reconstructionTerm(logits[j], x[j], squared);
            }
        }
        int total = data.size();
        recon /= total;
        kl /= total;
        return new Evaluation(recon + config.klWeight() * kl, recon, kl, total);
    }

    /**
     * Per-image anomaly scores of {@code count} images, in the units of the model's loss (higher: explained
     * worse): {@code reconstructionError[i]} is the reconstruction term (summed over every value of every channel:
     * squared error of σ(logits), or Bernoulli cross-entropy) and {@code negativeElbo[i]} that plus the KL term.
     * Deterministic: z is the latent mean (no ε), dropout off.
     */
    public record ImageScores(double[] reconstructionError, double[] kl, double[] negativeElbo, int count) {
    }

    /**
     * Scores each image ({@link ImageScores}): decode the latent mean, reconstruction term against the image,
     * plus KL(q(z|x) ‖ N(0, I)) unweighted, so that the negative ELBO is the bound itself whatever β the model was
     * trained with (with β = 1, the default, it is the image's training loss without dropout and noise).
     */
    public ImageScores scores(float[] images, int count) {
        checkImages(images, count);
        Encoding code = encode(images, count);
        int values = config.imageValues();
        int latent = config.latentSize();
        boolean squared = config.reconstructionLoss() == ReconstructionLoss.SUM_SQUARED;
        float[] logits = new float[count * values];
        EagerInference net = network();
        for (int start = 0; start < count; start += INFERENCE_BATCH) {
            net.decodeLogits(code.mean(), start, Math.min(INFERENCE_BATCH, count - start), logits);
        }
        double[] recon = new double[count];
        double[] kl = new double[count];
        double[] elbo = new double[count];
        for (int i = 0; i < count; i++) {
            double r = 0;
            for (int j = i * values, end = j + values; j < end; j++) {
                r += reconstructionTerm(logits[j], images[j], squared);
            }
            double k = 0;
            for (int j = i * latent, end = j + latent; j < end; j++) {
                double m = code.mean()[j];
                double ls = code.logStd()[j];
                k += -0.5 * (1 + 2 * ls - m * m - Math.exp(2 * ls));
            }
            recon[i] = r;
            kl[i] = k;
            elbo[i] = r + k;
        }
        return new ImageScores(recon, kl, elbo, count);
    }

    /** One value's share of the reconstruction loss, from its logit and target. */
    private static double reconstructionTerm(float logit, float target, boolean squared) {
        double l = logit;
        double t = target;
        if (squared) {
            double diff = sigmoid(logit) - t;
            return diff * diff;
        }
        return Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l))) - t * l; // softplus(l) - t·l
    }

    private EagerInference network() {
        if (network == null) {
            NativeBackend.start();
            network = new EagerInference(config, weights, INFERENCE_BATCH);
        }
        return network;
    }

    private static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    private void checkImages(float[] images, int count) {
        if (images.length < (long) count * config.imageValues()) {
            throw new IllegalArgumentException("Expected " + count + " images of " + config.imageValues()
                    + " values, got " + images.length + " values");
        }
    }

    /** Releases the inference buffers and the weights' native memory. The model is unusable afterwards. */
    @Override
    public void close() {
        if (network != null) {
            network.close();
            network = null;
        }
        for (INDArray a : weights.values()) {
            if (a.closeable()) {
                a.close();
            }
        }
    }
}
