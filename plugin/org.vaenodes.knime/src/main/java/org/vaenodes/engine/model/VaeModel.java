package org.vaenodes.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * A trained VAE: its configuration, weights and a little history. Inference runs without dropout, in batches
 * of {@link #INFERENCE_BATCH} images, on the calling thread. Images are flat float arrays, row-major, one
 * image after the other, values in [0,1]. Not thread-safe: use one instance per thread.
 */
public final class VaeModel implements AutoCloseable {

    public static final int INFERENCE_BATCH = 512;

    private final VaeConfig config;
    private final Map<String, INDArray> weights;
    private final int iterationsTrained;
    private final double finalLoss;
    private SameDiff encoder;
    private SameDiff decoder;
    private SameDiff evaluation;

    public VaeModel(VaeConfig config, Map<String, INDArray> weights, int iterationsTrained, double finalLoss) {
        this.config = config;
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
    }

    public VaeConfig config() { return config; }
    public Map<String, INDArray> weights() { return weights; }
    public int iterationsTrained() { return iterationsTrained; }
    public double finalLoss() { return finalLoss; }

    /** Latent mean and log-std of {@code count} images. */
    public record Encoding(float[] mean, float[] logStd, int count, int latentSize) {
    }

    public Encoding encode(float[] images, int count) {
        checkImages(images, count);
        int latent = config.latentSize();
        float[] mean = new float[count * latent];
        float[] logStd = new float[count * latent];
        SameDiff sd = encoderGraph();
        for (int start = 0; start < count; start += INFERENCE_BATCH) {
            int n = Math.min(INFERENCE_BATCH, count - start);
            INDArray x = slice(images, start, n, config.pixels());
            Map<String, INDArray> out = sd.output(Map.of(VaeGraph.INPUT, x), VaeGraph.MEAN, VaeGraph.LOG_STD);
            copyOut(out.get(VaeGraph.MEAN), mean, start * latent);
            copyOut(out.get(VaeGraph.LOG_STD), logStd, start * latent);
        }
        return new Encoding(mean, logStd, count, latent);
    }

    /** Decodes {@code count} latent vectors into images. */
    public float[] decode(float[] z, int count) {
        int latent = config.latentSize();
        if (z.length < (long) count * latent) {
            throw new IllegalArgumentException("Expected " + count + "×" + latent + " latent values, got " + z.length);
        }
        float[] images = new float[count * config.pixels()];
        SameDiff sd = decoderGraph();
        for (int start = 0; start < count; start += INFERENCE_BATCH) {
            int n = Math.min(INFERENCE_BATCH, count - start);
            INDArray zs = slice(z, start, n, latent);
            INDArray out = sd.outputSingle(Map.of(VaeGraph.LATENT, zs), VaeGraph.DECODED);
            copyOut(out, images, start * config.pixels());
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
        SameDiff sd = evaluationGraph();
        SplittableRandom random = new SplittableRandom(epsilonSeed);
        int pixels = config.pixels();
        int latent = config.latentSize();
        double loss = 0;
        double recon = 0;
        double kl = 0;
        for (int start = 0; start < data.size(); start += INFERENCE_BATCH) {
            int n = Math.min(INFERENCE_BATCH, data.size() - start);
            float[] x = new float[n * pixels];
            for (int i = 0; i < n; i++) {
                data.copyImage(start + i, x, i * pixels);
            }
            float[] eps = new float[n * latent];
            for (int i = 0; i < eps.length; i++) {
                eps[i] = (float) random.nextGaussian();
            }
            Map<String, INDArray> out = sd.output(Map.of(
                    VaeGraph.INPUT, Nd4j.create(x, new long[] {n, pixels}, 'c'),
                    VaeGraph.EPSILON, Nd4j.create(eps, new long[] {n, latent}, 'c')),
                    VaeGraph.LOSS, VaeGraph.RECONSTRUCTION, VaeGraph.KL);
            loss += out.get(VaeGraph.LOSS).getDouble(0) * n;
            recon += out.get(VaeGraph.RECONSTRUCTION).getDouble(0) * n;
            kl += out.get(VaeGraph.KL).getDouble(0) * n;
        }
        int total = data.size();
        return new Evaluation(loss / total, recon / total, kl / total, total);
    }

    private SameDiff encoderGraph() {
        if (encoder == null) {
            NativeBackend.start();
            encoder = VaeGraph.encoder(config, weights, DataType.FLOAT);
        }
        return encoder;
    }

    private SameDiff decoderGraph() {
        if (decoder == null) {
            NativeBackend.start();
            decoder = VaeGraph.decoder(config, weights, DataType.FLOAT);
        }
        return decoder;
    }

    private SameDiff evaluationGraph() {
        if (evaluation == null) {
            NativeBackend.start();
            evaluation = VaeGraph.evaluation(config, weights, DataType.FLOAT);
        }
        return evaluation;
    }

    private void checkImages(float[] images, int count) {
        if (images.length < (long) count * config.pixels()) {
            throw new IllegalArgumentException("Expected " + count + " images of " + config.pixels()
                    + " pixels, got " + images.length + " values");
        }
    }

    private static INDArray slice(float[] values, int start, int n, int width) {
        float[] part = new float[n * width];
        System.arraycopy(values, start * width, part, 0, part.length);
        return Nd4j.create(part, new long[] {n, width}, 'c');
    }

    private static void copyOut(INDArray array, float[] dst, int offset) {
        float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    /** Drops the cached graphs and releases the weights' native memory. The model is unusable afterwards. */
    @Override
    public void close() {
        encoder = null;
        decoder = null;
        evaluation = null;
        for (INDArray a : weights.values()) {
            if (a.closeable()) {
                a.close();
            }
        }
    }
}
