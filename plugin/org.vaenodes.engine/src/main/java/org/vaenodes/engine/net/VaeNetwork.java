package org.vaenodes.engine.net;

import static org.vaenodes.engine.net.NativeArrays.create;
import static org.vaenodes.engine.net.NativeArrays.nio;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;

/**
 * The VAE's layers ({@link VaeArchitecture}) instantiated for a fixed batch on arrays allocated once:
 * {@link #encode} and {@link #decode} run the layers' forward passes in order, {@link #backwardDecoder} and
 * {@link #backwardEncoder} their backward passes in reverse. For training ({@code training}: gradients and,
 * with keep below 1, dropout) and for inference (no dropout, no gradient arrays). Not thread-safe.
 *
 * <p>The decoder works on spatially flipped maps: the code grid is turned by 180° on the way in and its
 * gradient on the way out, the output kernel is stored with its rows flipped back ({@link Parameters}), so
 * the logits are in the images' own order. In these coordinates a stride-1 'same' transposed convolution is a
 * 'same' convolution, which oneDNN runs faster than the deconvolution.
 */
public final class VaeNetwork implements AutoCloseable {

    private final List<INDArray> owned = new ArrayList<>();

    private final int batch;
    private final int grid;
    private final INDArray images;
    private final FloatBuffer imagesNio;
    private final List<EncoderConv> encoder = new ArrayList<>();
    private final LatentProjections latent;
    private final List<SmallDense> dense = new ArrayList<>();
    private final FloatBuffer codeNio;
    private final FloatBuffer codeGradientNio;
    private final float[] flipped;
    private final float[] gridGradient;
    private final List<DecoderConv> decoder = new ArrayList<>();
    private final OutputLayer output;
    private final List<DropoutBits> masks = new ArrayList<>();

    /**
     * @param params the parameters (with gradients for training)
     * @param matrixLimit the largest first-decoder-layer matrix to run as GEMMs
     *        ({@link #DEFAULT_MATRIX_LIMIT}; 0 for the convolution op)
     */
    public VaeNetwork(VaeArchitecture arch, Parameters params, int batch, boolean training, long matrixLimit) {
        NativeArrays.startOwning(owned);
        try {
            VaeConfig c = arch.config();
            this.batch = batch;
            this.grid = c.codeHeight() * c.codeWidth();
            float alpha = (float) c.leakyReluAlpha();
            float keep = (float) c.keepProbability();
            boolean dropout = training && keep < 1;
            // one stream per dropout layer, all derived from the seed (batches and ε use other streams)
            long maskSeed = c.seed() ^ 0x2545F4914F6CDD1DL;

            images = create(batch, c.imageValues());
            imagesNio = nio(images);
            INDArray in = images.reshape('c', batch, c.channels(), c.height(), c.width());
            INDArray inGradient = null; // the images' gradient is not needed
            for (VaeArchitecture.Conv layer : arch.encoder()) {
                EncoderConv conv = new EncoderConv(layer, in, training, inGradient, params, batch, alpha, keep,
                        dropout && layer.dropout() ? maskStream(maskSeed) : null);
                encoder.add(conv);
                in = conv.out();
                inGradient = conv.outGradient();
            }
            long features = arch.mean().in();
            latent = new LatentProjections(arch.mean(), arch.logStd(), in.reshape('c', batch, features),
                    training ? inGradient.reshape('c', batch, features) : null, params, batch);

            for (VaeArchitecture.Dense layer : arch.decoderDense()) {
                dense.add(new SmallDense(layer, params, batch, alpha, training));
            }
            INDArray code = create(batch, 1, c.codeHeight(), c.codeWidth());
            INDArray codeGradient = training ? create(batch, 1, c.codeHeight(), c.codeWidth()) : null;
            codeNio = nio(code);
            codeGradientNio = training ? nio(codeGradient) : null;
            flipped = new float[batch * grid];
            gridGradient = training ? new float[batch * grid] : null;
            in = code;
            inGradient = codeGradient;
            boolean first = true;
            for (VaeArchitecture.Conv layer : arch.decoder()) {
                DecoderConv conv = new DecoderConv(layer, first, in, inGradient, params, batch, keep,
                        dropout && layer.dropout() ? maskStream(maskSeed) : null, matrixLimit);
                decoder.add(conv);
                in = conv.out();
                inGradient = conv.outGradient();
                first = false;
            }
            long decoded = arch.output().in();
            output = new OutputLayer(arch.output(), in.reshape('c', batch, decoded),
                    training ? inGradient.reshape('c', batch, decoded) : null, params, batch,
                    c.reconstructionLoss() != ReconstructionLoss.SUM_SQUARED);
        } finally {
            NativeArrays.stopOwning();
        }
    }

    /** Releases the network's arrays (not the parameters'); unusable afterwards. */
    @Override
    public void close() {
        NativeArrays.close(owned);
    }

    private DropoutBits maskStream(long seed) {
        DropoutBits bits = new DropoutBits(seed, masks.size());
        masks.add(bits);
        return bits;
    }

    /**
     * Sets every dropout layer's masks to those of training iteration {@code iteration}: they depend on (seed,
     * layer, iteration) only, so a run continued from a saved model draws the masks an uninterrupted one would.
     * Without a call the masks continue from those of iteration 0.
     */
    public void startIteration(long iteration) {
        for (DropoutBits bits : masks) {
            bits.restart(iteration);
        }
    }

    /** The first-decoder-layer matrix limit that inference and training use. */
    public static final long DEFAULT_MATRIX_LIMIT = OneChannelConvAsMatmul.MAX_MATRIX_ENTRIES;

    public int batch() {
        return batch;
    }

    /** Encoder forward: images [batch × image values, channel-major] → {@link #mean()} and {@link #logStd()}. */
    public void encode(float[] x) {
        imagesNio.put(0, x, 0, x.length);
        for (EncoderConv layer : encoder) {
            layer.forward().run();
        }
        latent.forward();
    }

    /** [batch × latent], from the last {@link #encode}. */
    public float[] mean() {
        return latent.mean();
    }

    /** [batch × latent], from the last {@link #encode}. */
    public float[] logStd() {
        return latent.logStd();
    }

    /** Decoder forward: z [batch × latent] → {@link #logits()} (and, training, probabilities and softplus). */
    public void decode(float[] z) {
        float[] h = z;
        for (SmallDense layer : dense) {
            h = layer.forward(h);
        }
        flip(h, flipped);
        codeNio.put(0, flipped);
        for (DecoderConv layer : decoder) {
            layer.forward().run();
        }
        output.forward().run();
    }

    /** [batch × image values] */
    public FloatBuffer logits() { return output.logits(); }

    /** σ(logits) [batch × image values]; training only. */
    public FloatBuffer probabilities() { return output.probabilities(); }

    /** softplus(logits) [batch × image values]; training with the Bernoulli loss only. */
    public FloatBuffer softplus() { return output.softplus(); }

    /** Where the loss puts its gradient w.r.t. the logits [batch × image values]; training only. */
    public FloatBuffer logitsGradient() { return output.logitsGradient(); }

    /** Decoder backward, from {@link #logitsGradient()}: the gradient w.r.t. z [batch × latent]. */
    public float[] backwardDecoder() {
        output.backward().run();
        for (int i = decoder.size() - 1; i >= 0; i--) {
            decoder.get(i).backward().run();
        }
        codeGradientNio.get(0, flipped, 0, flipped.length);
        flip(flipped, gridGradient);
        float[] g = gridGradient;
        for (int i = dense.size() - 1; i >= 0; i--) {
            g = dense.get(i).backward(g);
        }
        return g;
    }

    /** Encoder backward from the gradients w.r.t. mean and logStd [batch × latent] (both read only). */
    public void backwardEncoder(float[] meanGradient, float[] logStdGradient) {
        latent.backward(meanGradient, logStdGradient);
        for (int i = encoder.size() - 1; i >= 0; i--) {
            encoder.get(i).backward().run();
        }
    }

    /** Whether the first decoder layer runs as GEMMs ({@link OneChannelConvAsMatmul}). */
    public boolean firstDecoderLayerAsMatmul() {
        return decoder.get(0).asMatmul();
    }

    /** Each code grid (one channel, {@code grid} values) turned by 180°. */
    private void flip(float[] src, float[] dst) {
        for (int n = 0; n < batch; n++) {
            int base = n * grid;
            for (int q = 0; q < grid; q++) {
                dst[base + q] = src[base + grid - 1 - q];
            }
        }
    }
}
