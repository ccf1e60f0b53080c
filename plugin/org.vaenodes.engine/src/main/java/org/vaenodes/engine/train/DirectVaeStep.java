package org.vaenodes.engine.train;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.TransposedConvPadding;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeWeights;

/**
 * One training step of the VAE (forward, hand-written backward, Adam) executed op by op on preallocated
 * native arrays, without SameDiff. It computes exactly the function of {@code VaeGraph.training}: the same
 * weights (names, shapes and layouts of {@link VaeWeights}), TF-'same' convolutions, transposed convolutions
 * padded explicitly and cropped, inverted dropout (keep-mask scaled by 1/keep) after every encoder conv and
 * every decoder deconv but the last, and loss = mean over the batch of reconstruction + β·KL.
 *
 * <p>Why: SameDiff's session allocates every activation and gradient afresh each iteration (zeroed pages,
 * page faults, off-heap garbage that JavaCPP collects in bursts); here every array is allocated once, so an
 * iteration allocates no native memory, and the parameters, gradients and Adam state each live in one flat
 * buffer so that Adam is a single fused op. The small dense part between the encoder and the decoder
 * (latent sampling, the two decoder dense layers, the KL term) runs in plain Java: a few thousand
 * multiply-adds, cheaper than the native calls it replaces.
 *
 * <p>All arrays are NCHW. Not thread-safe.
 */
final class DirectVaeStep {

    private final VaeConfig c;
    private final int batch;
    private final int pixels;
    private final int latent;
    private final int hidden;
    private final int grid;
    private final float alpha;
    private final float keep;
    private final boolean dropout;
    private final float beta;

    /** Parameters, gradients: one flat buffer each; the named arrays are views into them. */
    private final INDArray paramFlat;
    private final INDArray gradFlat;
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final Map<String, INDArray> grads = new LinkedHashMap<>();
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final Map<String, Layout> layouts = new LinkedHashMap<>();
    private final FloatBuffer paramNio;
    private final FloatBuffer gradNio;
    private final GradientUpdater<?> adam;
    private final INDArray adamState;

    // inputs
    private final INDArray x;
    private final FloatBuffer xNio;

    // encoder
    private final List<Object> encForward = new ArrayList<>();
    private final List<Object> encBackward = new ArrayList<>();
    // latent projections
    private final INDArray meanRaw;
    private final INDArray logStdRaw;
    private final FloatBuffer meanRawNio;
    private final FloatBuffer logStdRawNio;
    private final INDArray dMean;
    private final INDArray dLogStdRaw;
    private final FloatBuffer dMeanNio;
    private final FloatBuffer dLogStdRawNio;
    private final List<Object> latentForward = new ArrayList<>();
    private final List<Object> latentBackward = new ArrayList<>();
    // decoder
    private final INDArray decIn;
    private final FloatBuffer decInNio;
    private final INDArray dDecIn;
    private final FloatBuffer dDecInNio;
    private final List<Object> decForward = new ArrayList<>();
    private final List<Object> decBackward = new ArrayList<>();
    // output
    private final INDArray logits;
    private final INDArray probs;
    private final INDArray softplus;
    private final FloatBuffer logitsNio;
    private final FloatBuffer probsNio;
    private final FloatBuffer softplusNio;
    private final INDArray dLogits;
    private final FloatBuffer dLogitsNio;
    private final List<Object> outForward = new ArrayList<>();
    private final List<Object> outBackward = new ArrayList<>();

    // Java-side small tensors
    private final float[] xs;
    private final float[] mean;
    private final float[] logStd;
    private final float[] std;
    private final float[] eps;
    private final float[] z;
    private final float[] h1a;
    private final float[] h1;
    private final float[] h2a;
    private final float[] h2;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] bm;
    private final float[] bs;
    private final float[] dh2;
    private final float[] flip;
    private final float[] dh1;
    private final float[] dz;
    private final float[] gw1;
    private final float[] gb1;
    private final float[] gw2;
    private final float[] gb2;
    private final float[] row;
    private final float[] gbm;
    private final float[] gbs;
    private final INDArray gradRow;
    private final float[] drow;
    private final float[] prow;

    private boolean firstDecoderLayerAsMatmul;
    private double loss;
    private double reconstruction;
    private double kl;

    DirectVaeStep(VaeConfig config, Map<String, INDArray> initial, int batch) {
        this(config, initial, batch, OneChannelConvAsMatmul.MAX_MATRIX_ENTRIES);
    }

    /** @param matrixLimit the largest first-decoder-layer matrix ({@link OneChannelConvAsMatmul}) to use */
    DirectVaeStep(VaeConfig config, Map<String, INDArray> initial, int batch, long matrixLimit) {
        this.c = config;
        this.batch = batch;
        this.pixels = config.pixels();
        this.latent = config.latentSize();
        this.hidden = config.decoderHidden();
        this.grid = config.codeHeight() * config.codeWidth();
        this.alpha = (float) config.leakyReluAlpha();
        this.keep = (float) config.keepProbability();
        this.dropout = config.keepProbability() < 1;
        this.beta = (float) config.klWeight();
        DataType f = DataType.FLOAT;
        // one stream per dropout layer, all derived from the seed (batches and ε use other streams)
        java.util.SplittableRandom masks = new java.util.SplittableRandom(config.seed() ^ 0x2545F4914F6CDD1DL);

        long total = VaeWeights.count(config);
        paramFlat = Nd4j.create(f, total);
        gradFlat = Nd4j.create(f, total);
        long off = 0;
        for (VaeWeights.Param p : VaeWeights.params(config)) {
            Layout layout = layout(p);
            long len = 1;
            for (long d : p.shape()) {
                len *= d;
            }
            INDArray pv = paramFlat.get(NDArrayIndex.interval(off, off + len)).reshape('c', layout.shape());
            INDArray gv = gradFlat.get(NDArrayIndex.interval(off, off + len)).reshape('c', layout.shape());
            float[] values = initial.get(p.name()).castTo(f).dup('c').data().asFloat();
            pv.assign(Nd4j.create(layout.toInternal(values), layout.shape(), 'c'));
            params.put(p.name(), pv);
            grads.put(p.name(), gv);
            offsets.put(p.name(), Math.toIntExact(off));
            layouts.put(p.name(), layout);
            off += len;
        }
        paramNio = nio(paramFlat);
        gradNio = nio(gradFlat);
        Adam adamConfig = new Adam(config.learningRate(), 0.9, 0.999, 1e-8);
        adamState = Nd4j.zeros(f, 1, adamConfig.stateSize(total));
        adam = adamConfig.instantiate(adamState, true);

        x = Nd4j.create(f, batch, pixels);
        xNio = nio(x);
        xs = new float[batch * pixels];

        // ---- encoder
        int k = config.kernelSize();
        int h = config.height();
        int w = config.width();
        int channels = 1;
        INDArray in = x.reshape('c', batch, 1, h, w);
        INDArray dIn = Nd4j.create(f, batch, 1, h, w); // gradient w.r.t. the images: computed, unused
        int[] ef = config.encoderFilters();
        int[] es = config.encoderStrides();
        List<Object> backward = new ArrayList<>();
        for (int i = 0; i < ef.length; i++) {
            int oh = ceilDiv(h, es[i]);
            int ow = ceilDiv(w, es[i]);
            INDArray pre = Nd4j.create(f, batch, ef[i], oh, ow);
            INDArray factor = Nd4j.create(f, batch, ef[i], oh, ow);
            INDArray out = Nd4j.create(f, batch, ef[i], oh, ow);
            INDArray dOut = Nd4j.create(f, batch, ef[i], oh, ow);
            INDArray dPre = Nd4j.create(f, batch, ef[i], oh, ow);
            String wn = "enc_conv" + i + "_W";
            String bn = "enc_conv" + i + "_b";
            int[] iargs = {k, k, es[i], es[i], 0, 0, 1, 1, 1, 0, 0};
            encForward.add(custom("conv2d", new INDArray[] {in, params.get(wn), params.get(bn)},
                    new INDArray[] {pre}, iargs));
            // leaky ReLU and dropout as one factor, which is also their backward pass
            encForward.add(new ActivationFactor(pre, factor, alpha, keep, dropout ? masks.split() : null));
            encForward.add(new MulOp(pre, factor, out));
            List<Object> back = new ArrayList<>();
            back.add(new MulOp(dOut, factor, dPre));
            back.add(custom("conv2d_bp", new INDArray[] {in, params.get(wn), params.get(bn), dPre},
                    new INDArray[] {dIn, grads.get(wn), grads.get(bn)}, iargs));
            backward.addAll(0, back);
            in = out;
            dIn = dOut;
            h = oh;
            w = ow;
            channels = ef[i];
        }
        encBackward.addAll(backward);
        long flatSize = (long) channels * h * w;
        INDArray flat = in.reshape('c', batch, flatSize);
        INDArray dFlat = dIn.reshape('c', batch, flatSize);

        // ---- latent projections (native gemms), the rest in Java
        meanRaw = Nd4j.create(f, batch, latent);
        logStdRaw = Nd4j.create(f, batch, latent);
        dMean = Nd4j.create(f, batch, latent);
        dLogStdRaw = Nd4j.create(f, batch, latent);
        meanRawNio = nio(meanRaw);
        logStdRawNio = nio(logStdRaw);
        dMeanNio = nio(dMean);
        dLogStdRawNio = nio(dLogStdRaw);
        latentForward.add(mmul(flat, params.get("mean_W"), meanRaw, false, false, 0));
        latentForward.add(mmul(flat, params.get("logstd_W"), logStdRaw, false, false, 0));
        latentBackward.add(mmul(flat, dMean, grads.get("mean_W"), true, false, 0));
        latentBackward.add(mmul(flat, dLogStdRaw, grads.get("logstd_W"), true, false, 0));
        latentBackward.add(mmul(dMean, params.get("mean_W"), dFlat, false, true, 0));
        latentBackward.add(mmul(dLogStdRaw, params.get("logstd_W"), dFlat, false, true, 1));
        mean = new float[batch * latent];
        logStd = new float[batch * latent];
        std = new float[batch * latent];
        eps = new float[batch * latent];
        z = new float[batch * latent];
        dz = new float[batch * latent];
        h1a = new float[batch * hidden];
        h1 = new float[batch * hidden];
        dh1 = new float[batch * hidden];
        h2a = new float[batch * grid];
        h2 = new float[batch * grid];
        dh2 = new float[batch * grid];
        flip = new float[batch * grid];
        w1 = new float[latent * hidden];
        b1 = new float[hidden];
        w2 = new float[hidden * grid];
        b2 = new float[grid];
        bm = new float[latent];
        bs = new float[latent];
        gw1 = new float[latent * hidden];
        gb1 = new float[hidden];
        gw2 = new float[hidden * grid];
        gb2 = new float[grid];

        // ---- decoder
        h = config.codeHeight();
        w = config.codeWidth();
        channels = 1;
        decIn = Nd4j.create(f, batch, 1, h, w);
        dDecIn = Nd4j.create(f, batch, 1, h, w);
        decInNio = nio(decIn);
        dDecInNio = nio(dDecIn);
        in = decIn;
        dIn = dDecIn;
        int[] df = config.decoderFilters();
        int[] ds = config.decoderStrides();
        backward = new ArrayList<>();
        for (int i = 0; i < df.length; i++) {
            int s = ds[i];
            int excess = TransposedConvPadding.excess(k, s);
            int oh = h * s;
            int ow = w * s;
            INDArray out = Nd4j.create(f, batch, df[i], oh, ow);
            INDArray dOut = Nd4j.create(f, batch, df[i], oh, ow);
            INDArray dPre = Nd4j.create(f, batch, df[i], oh, ow);
            String wn = "dec_deconv" + i + "_W";
            String bn = "dec_deconv" + i + "_b";
            boolean drop = dropout && i < df.length - 1;
            List<Object> back = new ArrayList<>();
            INDArray gradPre = dPre;
            int[] iargs = decoderConvArgs(k, s);
            if (i == 0 && (long) h * w * df[0] * oh * ow <= matrixLimit) {
                int filters = df[0];
                OneChannelConvAsMatmul layer = new OneChannelConvAsMatmul(in, dIn, out, dPre,
                        params.get(wn).shape(), paramNio, gradNio, offsets.get(wn), offsets.get(bn), probe -> {
                            INDArray o = Nd4j.create(f, probe[0].size(0), filters, oh, ow);
                            decoderConvForward(k, s, probe[0], probe[1], probe[2], o).forEach(DirectVaeStep::run1);
                            return o;
                        });
                decForward.addAll(layer.forward());
                decForward.add(new RectifiedLinear(out, out, 0));
                back.addAll(layer.backward());
                firstDecoderLayerAsMatmul = true;
            } else if (s == 1) {
                decForward.addAll(decoderConvForward(k, s, in, params.get(wn), params.get(bn), out));
                back.add(custom("conv2d_bp", new INDArray[] {in, params.get(wn), params.get(bn), dPre},
                        new INDArray[] {dIn, grads.get(wn), grads.get(bn)}, iargs));
            } else {
                if (excess != 0) {
                    gradPre = Nd4j.create(f, batch, df[i], oh + excess, ow + excess); // border stays 0
                    dPre = gradPre.get(NDArrayIndex.all(), NDArrayIndex.all(),
                            NDArrayIndex.interval(excess, oh + excess), NDArrayIndex.interval(excess, ow + excess));
                }
                decForward.addAll(decoderConvForward(k, s, in, params.get(wn), params.get(bn), out));
                back.add(custom("deconv2d_bp", new INDArray[] {in, params.get(wn), params.get(bn), gradPre},
                        new INDArray[] {dIn, grads.get(wn), grads.get(bn)}, iargs));
            }
            if (drop) {
                // out = relu(a) here, so relu'(a)·mask is the factor of out: one multiply each way
                INDArray factor = Nd4j.create(f, batch, df[i], oh, ow);
                decForward.add(new ActivationFactor(out, factor, 0f, keep, masks.split()));
                decForward.add(new MulOp(out, factor, out));
                back.add(0, new MulOp(dOut, factor, dPre));
            } else {
                back.add(0, custom("relu_bp", new INDArray[] {out, dOut}, new INDArray[] {dPre}, new int[0], 0.0));
            }
            backward.addAll(0, back);
            in = out;
            dIn = dOut;
            h = oh;
            w = ow;
            channels = df[i];
        }
        decBackward.addAll(backward);
        long decodedSize = (long) channels * h * w;
        INDArray decFlat = in.reshape('c', batch, decodedSize);
        INDArray dDecFlat = dIn.reshape('c', batch, decodedSize);

        // ---- output layer
        logits = Nd4j.create(f, batch, pixels);
        probs = Nd4j.create(f, batch, pixels);
        softplus = Nd4j.create(f, batch, pixels);
        dLogits = Nd4j.create(f, batch, pixels);
        logitsNio = nio(logits);
        probsNio = nio(probs);
        softplusNio = nio(softplus);
        dLogitsNio = nio(dLogits);
        outForward.add(mmul(decFlat, params.get("dec_out_W"), logits, false, false, 0));
        outForward.add(new BroadcastAddOp(logits, params.get("dec_out_b"), logits, 1));
        outForward.add(new Sigmoid(logits, probs));
        if (config.reconstructionLoss() != ReconstructionLoss.SUM_SQUARED) {
            outForward.add(new SoftPlus(logits, softplus));
        }
        outBackward.add(mmul(decFlat, dLogits, grads.get("dec_out_W"), true, false, 0));
        outBackward.add(custom("reduce_sum", new INDArray[] {dLogits}, new INDArray[] {grads.get("dec_out_b")},
                new int[] {0}));
        outBackward.add(mmul(dLogits, params.get("dec_out_W"), dDecFlat, false, true, 0));
        row = new float[pixels];
        gbm = new float[latent];
        gbs = new float[latent];
        gradRow = gradFlat.reshape('c', 1, total);
        prow = new float[pixels];
        drow = new float[pixels];
    }

    Map<String, INDArray> parameters() {
        return params;
    }

    /** Standalone copies of the parameters in the model's layout ({@link VaeWeights}), for the trained model. */
    Map<String, INDArray> copyParameters() {
        return toModelLayout(paramNio);
    }

    /** The last step's gradients in the model's layout (for checks). */
    Map<String, INDArray> gradientsInModelLayout() {
        return toModelLayout(gradNio);
    }

    private Map<String, INDArray> toModelLayout(FloatBuffer source) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (VaeWeights.Param p : VaeWeights.params(c)) {
            Layout layout = layouts.get(p.name());
            float[] internal = new float[Math.toIntExact(params.get(p.name()).length())];
            source.get(offsets.get(p.name()), internal, 0, internal.length);
            out.put(p.name(), Nd4j.create(layout.toModel(internal), p.shape(), 'c'));
        }
        return out;
    }

    /**
     * How a parameter is stored here: its shape, and which of the model's rows (runs of {@code rowLength}
     * values) each internal row holds; {@code rows == null} for the model's own layout. The decoder runs on
     * spatially flipped images (see the class comment), so its output kernel's rows are stored flipped within
     * each channel, its strided transposed-conv kernels flipped spatially, and its stride-1 kernels as conv
     * kernels [kH, kW, inChannels, outChannels]. A fixed permutation: Adam, being elementwise, is unchanged.
     */
    private record Layout(long[] shape, int rowLength, int[] rows) {
        float[] toInternal(float[] model) {
            if (rows == null) {
                return model;
            }
            float[] internal = new float[model.length];
            for (int j = 0; j < rows.length; j++) {
                System.arraycopy(model, rows[j] * rowLength, internal, j * rowLength, rowLength);
            }
            return internal;
        }

        float[] toModel(float[] internal) {
            if (rows == null) {
                return internal;
            }
            float[] model = new float[internal.length];
            for (int j = 0; j < rows.length; j++) {
                System.arraycopy(internal, j * rowLength, model, rows[j] * rowLength, rowLength);
            }
            return model;
        }
    }

    private Layout layout(VaeWeights.Param p) {
        String name = p.name();
        long[] shape = p.shape();
        if (name.equals("dec_out_W")) {
            int[] df = c.decoderFilters();
            int channels = df[df.length - 1];
            int area = c.decodedHeight() * c.decodedWidth();
            int[] rows = new int[channels * area];
            for (int ch = 0; ch < channels; ch++) {
                for (int q = 0; q < area; q++) {
                    rows[ch * area + q] = ch * area + area - 1 - q;
                }
            }
            return new Layout(shape, Math.toIntExact(shape[1]), rows);
        }
        if (name.startsWith("dec_deconv") && name.endsWith("_W")) {
            int i = Integer.parseInt(name.substring("dec_deconv".length(), name.length() - 2));
            int stride = c.decoderStrides()[i];
            int k = (int) shape[0];
            int oc = (int) shape[2];
            int ic = (int) shape[3];
            int[] rows = new int[k * k * oc * ic];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    for (int co = 0; co < oc; co++) {
                        for (int ci = 0; ci < ic; ci++) {
                            if (stride == 1) {
                                rows[((a * k + b) * ic + ci) * oc + co] = ((a * k + b) * oc + co) * ic + ci;
                            } else {
                                rows[((a * k + b) * oc + co) * ic + ci] =
                                        (((k - 1 - a) * k + (k - 1 - b)) * oc + co) * ic + ci;
                            }
                        }
                    }
                }
            }
            long[] internalShape = stride == 1 ? new long[] {k, k, ic, oc} : shape;
            return new Layout(internalShape, 1, rows);
        }
        return new Layout(shape, 1, null);
    }

    /** Adam's state (first and second moments of every parameter), for checks. */
    INDArray adamState() { return adamState; }

    /** The flat gradient buffer (Adam leaves its update there), for checks. */
    INDArray gradientBuffer() { return gradFlat; }

    /** Whether the first decoder layer runs as {@link OneChannelConvAsMatmul} (else as a convolution op). */
    boolean firstDecoderLayerAsMatmul() { return firstDecoderLayerAsMatmul; }

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
        xNio.put(0, xs);
        run(encForward);
        run(latentForward);
        latentAndDenseForward();
        run(decForward);
        run(outForward);
        lossAndOutputGradient();
        run(outBackward);
        run(decBackward);
        denseAndLatentBackward();
        run(latentBackward);
        run(encBackward);
    }

    /** Adam step on all parameters at once. */
    void applyAdam(int iteration) {
        if (iteration % STATE_FLUSH_INTERVAL == 0) {
            BooleanIndexing.replaceWhere(adamState, 0.0, Conditions.absLessThan(NEGLIGIBLE_STATE));
        }
        adam.applyUpdater(gradRow, iteration, 0);
        paramFlat.subi(gradFlat);
    }


    static final float NEGLIGIBLE_GRADIENT = 1e-15f;

    /**
     * Adam moments below {@value #NEGLIGIBLE_STATE} are set to 0 every {@value #STATE_FLUSH_INTERVAL} steps.
     * A weight whose gradient stays 0 keeps a first moment that decays by 0.9 per step into subnormal floats
     * (after ~500–700 steps here), and the Adam op then ran 9 times slower (17 → 170–190 ms per step). From
     * 1e-30 it takes ~175 steps to become subnormal, so a flush every 100 steps catches every such moment, and
     * with ε = 1e-8 a moment this small moves no weight: a no-op for the result. The flush takes ~10-30 ms.
     */
    static final double NEGLIGIBLE_STATE = 1e-30;
    static final int STATE_FLUSH_INTERVAL = 100;

    /** Per-op timing for profiling (system property vaenodes.profileOps=true): op → [sum ns, min ns, count]. */
    static final Map<String, long[]> PROFILE = new LinkedHashMap<>();
    private static final boolean PROFILING = Boolean.getBoolean("vaenodes.profileOps");

    private void run(List<Object> ops) {
        if (PROFILING) {
            for (Object op : ops) {
                long t = System.nanoTime();
                run1(op);
                t = System.nanoTime() - t;
                String key = System.identityHashCode(ops) % 1000 + ":" + ops.indexOf(op) + ":" + opName(op);
                long[] v = PROFILE.computeIfAbsent(key, k -> new long[] {0, Long.MAX_VALUE, 0});
                v[0] += t;
                v[1] = Math.min(v[1], t);
                v[2]++;
            }
            return;
        }
        for (Object op : ops) {
            run1(op);
        }
    }

    private static String opName(Object op) {
        if (op instanceof CustomOp custom) {
            return custom.opName();
        }
        return op instanceof Op legacy ? legacy.opName() : op.getClass().getSimpleName();
    }

    private static void run1(Object op) {
        if (op instanceof Runnable javaStep) {
            javaStep.run();
        } else if (op instanceof CustomOp custom) {
            Nd4j.exec(custom);
        } else {
            Nd4j.exec((Op) op);
        }
    }

    private void read(String name, float[] dst) {
        paramNio.get(offsets.get(name), dst, 0, dst.length);
    }

    private void writeGrad(String name, float[] src) {
        gradNio.put(offsets.get(name), src, 0, src.length);
    }

    private void latentAndDenseForward() {
        read("mean_b", bm);
        read("logstd_b", bs);
        read("dec_dense1_W", w1);
        read("dec_dense1_b", b1);
        read("dec_dense2_W", w2);
        read("dec_dense2_b", b2);
        meanRawNio.get(0, mean, 0, mean.length);
        logStdRawNio.get(0, logStd, 0, logStd.length);
        double klSum = 0;
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < latent; j++) {
                int i = n * latent + j;
                float m = mean[i] + bm[j];
                float ls = 0.5f * (logStd[i] + bs[j]);
                mean[i] = m;
                logStd[i] = ls;
                float sd = (float) Math.exp(ls);
                std[i] = sd;
                z[i] = m + eps[i] * sd;
                klSum += 1.0 + 2.0 * ls - (double) m * m - (double) sd * sd;
            }
        }
        kl = -0.5 * klSum / batch;
        dense(z, w1, b1, h1a, h1, latent, hidden);
        dense(h1, w2, b2, h2a, h2, hidden, grid);
        flipImages(h2, flip);
        decInNio.put(0, flip);
    }

    /** out = lrelu(in·W + b), pre-activation kept in {@code pre}. */
    private void dense(float[] in, float[] wt, float[] b, float[] pre, float[] out, int nIn, int nOut) {
        for (int n = 0; n < batch; n++) {
            int po = n * nOut;
            System.arraycopy(b, 0, pre, po, nOut);
            int pi = n * nIn;
            for (int i = 0; i < nIn; i++) {
                float v = in[pi + i];
                int wo = i * nOut;
                for (int o = 0; o < nOut; o++) {
                    pre[po + o] += v * wt[wo + o];
                }
            }
            for (int o = 0; o < nOut; o++) {
                float a = pre[po + o];
                out[po + o] = a > 0 ? a : alpha * a;
            }
        }
    }

    /** Each image (one channel, {@code grid} values) turned by 180°: the decoder's flipped coordinates. */
    private void flipImages(float[] src, float[] dst) {
        for (int n = 0; n < batch; n++) {
            int base = n * grid;
            for (int q = 0; q < grid; q++) {
                dst[base + q] = src[base + grid - 1 - q];
            }
        }
    }

    private void lossAndOutputGradient() {
        boolean squared = c.reconstructionLoss() == ReconstructionLoss.SUM_SQUARED;
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

    private void denseAndLatentBackward() {
        dDecInNio.get(0, flip, 0, flip.length);
        flipImages(flip, dh2);
        denseBackward(h1, w2, h2a, dh2, dh1, gw2, gb2, hidden, grid);
        denseBackward(z, w1, h1a, dh1, dz, gw1, gb1, latent, hidden);
        writeGrad("dec_dense2_W", gw2);
        writeGrad("dec_dense2_b", gb2);
        writeGrad("dec_dense1_W", gw1);
        writeGrad("dec_dense1_b", gb1);
        float scale = beta / batch;
        java.util.Arrays.fill(gbm, 0f);
        java.util.Arrays.fill(gbs, 0f);
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < latent; j++) {
                int i = n * latent + j;
                float dm = dz[i] + scale * mean[i];
                float dls = dz[i] * eps[i] * std[i] + scale * (std[i] * std[i] - 1f);
                float dRaw = 0.5f * dls;
                mean[i] = dm; // reuse as the gradient buffer
                logStd[i] = dRaw;
                gbm[j] += dm;
                gbs[j] += dRaw;
            }
        }
        writeGrad("mean_b", gbm);
        writeGrad("logstd_b", gbs);
        dMeanNio.put(0, mean, 0, mean.length);
        dLogStdRawNio.put(0, logStd, 0, logStd.length);
    }

    /**
     * Backward of out = lrelu(in·W + b): from dOut (overwritten with dPre) to dIn, dW, db.
     */
    private void denseBackward(float[] in, float[] wt, float[] pre, float[] dOut, float[] dIn, float[] gw,
            float[] gb, int nIn, int nOut) {
        java.util.Arrays.fill(gw, 0f);
        java.util.Arrays.fill(gb, 0f);
        for (int n = 0; n < batch; n++) {
            int po = n * nOut;
            for (int o = 0; o < nOut; o++) {
                float d = dOut[po + o];
                if (pre[po + o] <= 0) {
                    d *= alpha;
                }
                dOut[po + o] = d;
                gb[o] += d;
            }
            int pi = n * nIn;
            for (int i = 0; i < nIn; i++) {
                float v = in[pi + i];
                int wo = i * nOut;
                float acc = 0;
                for (int o = 0; o < nOut; o++) {
                    float d = dOut[po + o];
                    gw[wo + o] += v * d;
                    acc += d * wt[wo + o];
                }
                dIn[pi + i] = acc;
            }
        }
    }

    /**
     * Integer arguments of decoder layer with stride {@code s}, in flipped coordinates: a stride-1 'same'
     * transposed conv is a 'same' conv with the kernel's channels swapped (stored so, see {@link #layout});
     * a strided one is a transposed conv of the flipped input with the flipped kernel, padded by the leading
     * part, not SAME mode (oneDNN's path).
     */
    private static int[] decoderConvArgs(int k, int s) {
        if (s == 1) {
            return new int[] {k, k, 1, 1, 0, 0, 1, 1, 1, 0, 0};
        }
        int lead = TransposedConvPadding.leading(k, s);
        return new int[] {k, k, s, s, lead, lead, 1, 1, 0, 0, 0};
    }

    /**
     * Forward ops of a decoder layer: its (transposed) convolution, then ReLU into {@code out} [n, F, oh, ow].
     * In flipped coordinates TF's surplus element of a strided layer comes first, so it is cropped from the
     * front (the ReLU reads the cropped view).
     */
    private static List<Object> decoderConvForward(int k, int s, INDArray in, INDArray kernel, INDArray bias,
            INDArray out) {
        int[] iargs = decoderConvArgs(k, s);
        if (s == 1) {
            return List.of(custom("conv2d", new INDArray[] {in, kernel, bias}, new INDArray[] {out}, iargs),
                    new RectifiedLinear(out, out, 0));
        }
        int excess = TransposedConvPadding.excess(k, s);
        long oh = out.size(2);
        long ow = out.size(3);
        INDArray full = excess == 0 ? out : Nd4j.create(DataType.FLOAT, out.size(0), out.size(1), oh + excess, ow + excess);
        INDArray crop = excess == 0 ? out : full.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(excess, oh + excess), NDArrayIndex.interval(excess, ow + excess));
        return List.of(custom("deconv2d", new INDArray[] {in, kernel, bias}, new INDArray[] {full}, iargs),
                new RectifiedLinear(crop, out, 0));
    }

    private static DynamicCustomOp custom(String name, INDArray[] in, INDArray[] out, int[] iargs, double... targs) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder(name).addInputs(in).addOutputs(out);
        if (iargs.length > 0) {
            b.addIntegerArguments(iargs);
        }
        if (targs.length > 0) {
            b.addFloatingPointArguments(toDoubles(targs));
        }
        return b.build();
    }

    private static Double[] toDoubles(double[] v) {
        Double[] d = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static Mmul mmul(INDArray a, INDArray b, INDArray out, boolean ta, boolean tb, double betaC) {
        return new Mmul(a, b, out, 1.0, betaC, MMulTranspose.builder().transposeA(ta).transposeB(tb).build());
    }

    /** The array's native memory as a float buffer (for bulk copies from and to Java arrays). */
    static FloatBuffer nio(INDArray a) {
        if (a.offset() != 0 || a.isView()) {
            throw new IllegalStateException("not a standalone array");
        }
        FloatBuffer fb = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        if (fb.capacity() < a.length()) {
            throw new IllegalStateException("NIO view too small: " + fb.capacity() + " < " + a.length());
        }
        return fb;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
