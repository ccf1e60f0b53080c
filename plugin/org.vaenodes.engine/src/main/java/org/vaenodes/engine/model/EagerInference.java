package org.vaenodes.engine.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.net.Parameters;
import org.vaenodes.engine.net.VaeNetwork;

/**
 * Encoder and decoder for inference: the training network's layers ({@link VaeNetwork}) without dropout and
 * without gradient arrays, allocated once for a batch of {@link #batch} images; a shorter batch is padded with
 * zeros. SameDiff M2.1's inference sessions allocate every activation per call and held 3.3–4 GiB after
 * 30,000 images here; this holds a batch's activations (~100 MB at batch 256) and nothing else. Tests compare
 * it with the SameDiff graphs.
 */
final class EagerInference implements AutoCloseable {

    private final VaeConfig c;
    private final Map<String, INDArray> weights;
    private final int batch;
    private final long matrixLimit;
    private final float[] rows;
    private final float[] latentRows;
    private Parameters params;
    private VaeNetwork network;

    EagerInference(VaeConfig config, Map<String, INDArray> weights, int batch) {
        this(config, weights, batch, VaeNetwork.DEFAULT_MATRIX_LIMIT);
    }

    /** @param matrixLimit the largest first-decoder-layer matrix to run as GEMMs (0: the convolution op) */
    EagerInference(VaeConfig config, Map<String, INDArray> weights, int batch, long matrixLimit) {
        this.c = config;
        this.weights = weights;
        this.batch = batch;
        this.matrixLimit = matrixLimit;
        this.rows = new float[batch * config.imageValues()];
        this.latentRows = new float[batch * config.latentSize()];
    }

    /**
     * Encodes images {@code first … first+n-1} of {@code images} (flat, {@link VaeConfig#imageValues()} per image) into {@code meanOut}
     * and {@code logStdOut} (flat, latent per image) from image {@code first} on; {@code n ≤ batch}.
     */
    void encode(float[] images, int first, int n, float[] meanOut, float[] logStdOut) {
        VaeNetwork net = network();
        net.encode(load(images, first, n, c.imageValues(), rows));
        int latent = c.latentSize();
        System.arraycopy(net.mean(), 0, meanOut, first * latent, n * latent);
        System.arraycopy(net.logStd(), 0, logStdOut, first * latent, n * latent);
    }

    /** Decodes latent vectors {@code first … first+n-1} of {@code z} into logits in {@code out}; {@code n ≤ batch}. */
    void decodeLogits(float[] z, int first, int n, float[] out) {
        VaeNetwork net = network();
        net.decode(load(z, first, n, c.latentSize(), latentRows));
        FloatBuffer logits = net.logits();
        logits.get(0, out, first * c.imageValues(), n * c.imageValues());
    }

    int batch() {
        return batch;
    }

    private VaeNetwork network() {
        if (network == null) {
            VaeArchitecture arch = new VaeArchitecture(c);
            params = new Parameters(arch, weights, false);
            network = new VaeNetwork(arch, params, batch, false, matrixLimit);
        }
        return network;
    }

    /** Rows {@code first … first+n-1} of {@code src} into {@code dst}, zeros after them. */
    private float[] load(float[] src, int first, int n, int width, float[] dst) {
        System.arraycopy(src, first * width, dst, 0, n * width);
        Arrays.fill(dst, n * width, dst.length, 0f);
        return dst;
    }

    @Override
    public void close() {
        if (network != null) {
            network.close();
            params.close();
            network = null;
            params = null;
        }
    }

    @Override
    public String toString() {
        return "EagerInference" + Arrays.toString(new int[] {batch, c.channels(), c.height(), c.width()});
    }
}
