package org.vaenodes.engine.train;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.OptimizerState;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.net.FlatAdam;
import org.vaenodes.engine.net.Parameters;
import org.vaenodes.engine.net.VaeNetwork;

/**
 * One training step of the VAE: the network's forward pass ({@link VaeNetwork}, the layers of
 * {@link VaeArchitecture} on preallocated native arrays), the loss and its gradient, the backward pass, and
 * one fused Adam update over the flat parameter buffer ({@link Parameters}, {@link FlatAdam}). It computes exactly the function
 * of {@code VaeGraph.training}: loss = mean over the batch of reconstruction + β·KL.
 *
 * <p>Why not SameDiff: its session allocates every activation and gradient afresh each iteration (zeroed
 * pages, page faults, off-heap garbage that JavaCPP collects in bursts); here an iteration allocates no native
 * memory. The reparameterisation and the KL term run in plain Java on the small latent arrays. Not thread-safe.
 */
final class DirectVaeStep {

    private final int batch;
    private final int pixels;
    private final int latent;
    private final float beta;
    private final boolean squared;
    private final Parameters params;
    private final VaeNetwork net;
    private final FlatAdam adam;
    private final INDArray adamState;

    private final float[] xs;
    private final float[] eps;
    private final float[] std;
    private final float[] z;
    private final float[] meanGradient;
    private final float[] logStdGradient;
    private final float[] row;
    private final float[] prow;
    private final float[] drow;

    private double loss;
    private double reconstruction;
    private double kl;

    DirectVaeStep(VaeConfig config, Map<String, INDArray> initial, int batch) {
        this(config, initial, batch, VaeNetwork.DEFAULT_MATRIX_LIMIT);
    }

    /** @param matrixLimit the largest first-decoder-layer matrix to run as GEMMs (see {@link VaeNetwork}) */
    DirectVaeStep(VaeConfig config, Map<String, INDArray> initial, int batch, long matrixLimit) {
        VaeArchitecture arch = new VaeArchitecture(config);
        this.batch = batch;
        this.pixels = config.imageValues(); // every value of every channel
        this.latent = config.latentSize();
        this.beta = (float) config.klWeight();
        this.squared = config.reconstructionLoss() == ReconstructionLoss.SUM_SQUARED;
        params = new Parameters(arch, initial, true);
        net = new VaeNetwork(arch, params, batch, true, matrixLimit);
        long total = params.values().length();
        adamState = Nd4j.zeros(DataType.FLOAT, 1, 2 * total);
        adam = new FlatAdam(params, adamState, config.learningRate(), 0.9, 0.999, 1e-8);
        xs = new float[batch * pixels];
        eps = new float[batch * latent];
        std = new float[batch * latent];
        z = new float[batch * latent];
        meanGradient = new float[batch * latent];
        logStdGradient = new float[batch * latent];
        row = new float[pixels];
        prow = new float[pixels];
        drow = new float[pixels];
    }

    /** Standalone copies of the parameters in the model's layout, for the trained model. */
    Map<String, INDArray> copyParameters() {
        return params.toModel(false);
    }

    /** The last step's gradients in the model's layout (for checks). */
    Map<String, INDArray> gradientsInModelLayout() {
        return params.toModel(true);
    }

    /** Adam's state (first and second moments of every parameter), for checks. */
    INDArray adamState() { return adamState; }

    /** Standalone copies of Adam's moments, for a model that can continue exactly; the next step is {@code next}. */
    OptimizerState copyOptimizerState(int next) {
        int n = Math.toIntExact(params.values().length());
        // Adam's view holds m in its first half and v in its second; read through NIO, no native temporaries
        FloatBuffer state = adamStateBuffer(n);
        float[] m = new float[n];
        float[] v = new float[n];
        state.get(0, m, 0, n);
        state.get(n, v, 0, n);
        return new OptimizerState(m, v, next);
    }

    /** Continues from saved moments (of the same configuration's parameters). */
    void restoreOptimizerState(OptimizerState state) {
        long n = params.values().length();
        if (state.parameterCount() != n) {
            throw new IllegalArgumentException("The optimizer state holds " + state.parameterCount()
                    + " moments per kind, the network has " + n + " parameters");
        }
        FloatBuffer buffer = adamStateBuffer((int) n);
        buffer.put(0, state.firstMoments(), 0, (int) n);
        buffer.put((int) n, state.secondMoments(), 0, (int) n);
    }

    private FloatBuffer adamStateBuffer(int n) {
        if (adamState.offset() != 0 || adamState.length() != 2L * n) {
            throw new IllegalStateException("Adam's state is not one array of both moments");
        }
        return adamState.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Draws the dropout masks of training iteration {@code iteration} from now on (see {@link VaeNetwork#startIteration}). */
    void startIteration(int iteration) {
        net.startIteration(iteration);
    }

    /** The flat gradient buffer, for checks. */
    INDArray gradientBuffer() { return params.gradients(); }

    /** Whether the first decoder layer runs as GEMMs (else as a convolution op). */
    boolean firstDecoderLayerAsMatmul() { return net.firstDecoderLayerAsMatmul(); }

    double loss() { return loss; }
    double reconstruction() { return reconstruction; }
    double kl() { return kl; }

    /**
     * Forward and backward for one batch: images {@code images} (batch × pixels) and noise {@code epsilon}
     * (batch × latent). Afterwards {@link #loss()} etc. hold the batch's loss terms and the gradient buffer
     * the gradients of the loss.
     */
    void forwardBackward(float[] images, float[] epsilon) {
        System.arraycopy(images, 0, xs, 0, xs.length);
        System.arraycopy(epsilon, 0, eps, 0, eps.length);
        net.encode(xs);
        reparameterize();
        net.decode(z);
        lossAndOutputGradient();
        float[] dz = net.backwardDecoder();
        latentGradients(dz);
        net.backwardEncoder(meanGradient, logStdGradient);
    }

    /** Adam step on all parameters at once. */
    void applyAdam(int iteration) {
        adam.apply(iteration, iteration % STATE_FLUSH_INTERVAL == 0 ? NEGLIGIBLE_STATE : 0f);
    }

    static final float NEGLIGIBLE_GRADIENT = 1e-15f;

    /**
     * Adam moments below {@value #NEGLIGIBLE_STATE} are set to 0 every {@value #STATE_FLUSH_INTERVAL} steps.
     * A weight whose gradient stays 0 keeps a first moment that decays by 0.9 per step into subnormal floats
     * (after ~500–700 steps here), and ND4J's Adam op then ran 9 times slower (17 → 170–190 ms per step); x86
     * computes on subnormals through slow assists in Java too. From 1e-30 it takes ~175 steps to become
     * subnormal, so a flush every 100 steps catches every such moment, and with ε = 1e-8 a moment this small
     * moves no weight: a no-op for the result. The flush is one more comparison per moment in Adam's pass.
     */
    static final float NEGLIGIBLE_STATE = 1e-30f;
    static final int STATE_FLUSH_INTERVAL = 100;

    /** z = mean + ε·exp(logStd), and the batch's KL term. */
    private void reparameterize() {
        float[] mean = net.mean();
        float[] logStd = net.logStd();
        double klSum = 0;
        for (int i = 0; i < z.length; i++) {
            float m = mean[i];
            float ls = logStd[i];
            float sd = (float) Math.exp(ls);
            std[i] = sd;
            z[i] = m + eps[i] * sd;
            klSum += 1.0 + 2.0 * ls - (double) m * m - (double) sd * sd;
        }
        kl = -0.5 * klSum / batch;
    }

    private void lossAndOutputGradient() {
        FloatBuffer probsNio = net.probabilities();
        FloatBuffer logitsNio = net.logits();
        FloatBuffer softplusNio = net.softplus();
        FloatBuffer dLogitsNio = net.logitsGradient();
        double recSum = 0;
        float scale = 1f / batch;
        for (int n = 0; n < batch; n++) {
            int base = n * pixels;
            probsNio.get(base, prow, 0, pixels);
            double r = 0;
            if (squared) {
                for (int p = 0; p < pixels; p++) {
                    float s = prow[p];
                    float d = s - xs[base + p];
                    r += (double) d * d;
                    drow[p] = negligibleToZero(2f * scale * d * s * (1f - s));
                }
            } else {
                logitsNio.get(base, row, 0, pixels);
                softplusNio.get(base, drow, 0, pixels);
                for (int p = 0; p < pixels; p++) {
                    float xv = xs[base + p];
                    r += drow[p] - (double) xv * row[p];
                    drow[p] = negligibleToZero(scale * (prow[p] - xv));
                }
            }
            recSum += r;
            dLogitsNio.put(base, drow, 0, pixels);
        }
        reconstruction = recSum / batch;
        loss = reconstruction + beta * kl;
    }

    /**
     * Output-layer gradients below {@value #NEGLIGIBLE_GRADIENT} flushed to 0. Saturated sigmoids on
     * mostly-black images make them tiny (s·(1−s)·s ≈ s²), down to subnormal floats, and everything computed
     * from them (the output layer's weight gradients, their squares in Adam's second moment) too; x86 computes on
     * subnormals through slow microcode assists. On generated stroke images an iteration took 953 ms instead
     * of 119 ms (the two GEMMs reading this gradient 8–10 times longer) and, flushing only subnormals, still
     * 351 ms (Adam 198 ms instead of 17); with this threshold 118 ms. What is dropped is negligible: with
     * Adam's ε of 1e-8, output gradients below 1e-15 over a batch of 64 activations ≤ 1 move a weight by at most
     * ~6e-6 of the learning rate per step (SeedParityTest checks the losses on MNIST).
     */
    private static float negligibleToZero(float g) {
        return Math.abs(g) < NEGLIGIBLE_GRADIENT ? 0f : g;
    }

    /** Gradients w.r.t. mean and logStd: through z (dz) plus the KL term's. */
    private void latentGradients(float[] dz) {
        float[] mean = net.mean();
        float scale = beta / batch;
        for (int i = 0; i < dz.length; i++) {
            meanGradient[i] = dz[i] + scale * mean[i];
            logStdGradient[i] = dz[i] * eps[i] * std[i] + scale * (std[i] * std[i] - 1f);
        }
    }
}
