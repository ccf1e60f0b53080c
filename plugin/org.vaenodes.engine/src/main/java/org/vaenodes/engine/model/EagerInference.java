package org.vaenodes.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The encoder and decoder of {@link VaeGraph} for inference (no dropout), run op by op on arrays allocated
 * once for a batch of {@link #batch} images; a shorter batch is padded with zeros. SameDiff M2.1's inference
 * sessions allocate every activation per call and held 3.3–4 GiB after 30,000 images here; this holds a
 * batch's activations (~100 MB at batch 256) and nothing else. Tests compare it with the SameDiff graphs.
 */
final class EagerInference implements AutoCloseable {

    private final VaeConfig c;
    private final Map<String, INDArray> w;
    private final int batch;
    private final long matrixLimit;
    private final List<INDArray> owned = new ArrayList<>();

    /** The first decoder layer's matrix size limit: beyond it (large code grids) the deconv op is cheaper. */
    static final long MAX_MATRIX_ENTRIES = 4L << 20;

    private INDArray encoderIn;
    private INDArray encoderFlat;
    private List<Runnable> encoderOps;
    private INDArray mean;
    private INDArray logStd;

    private INDArray decoderIn;
    private List<Runnable> decoderOps;
    private INDArray logits;

    EagerInference(VaeConfig config, Map<String, INDArray> weights, int batch) {
        this(config, weights, batch, MAX_MATRIX_ENTRIES);
    }

    /** @param matrixLimit the largest first-decoder-layer matrix to use (see {@link #firstLayerMatrix}) */
    EagerInference(VaeConfig config, Map<String, INDArray> weights, int batch, long matrixLimit) {
        this.c = config;
        this.w = weights;
        this.batch = batch;
        this.matrixLimit = matrixLimit;
    }

    /**
     * Encodes images {@code first … first+n-1} of {@code images} (flat, pixels per image) into {@code meanOut}
     * and {@code logStdOut} (flat, latent per image) from image {@code first} on; {@code n ≤ batch}.
     */
    void encode(float[] images, int first, int n, float[] meanOut, float[] logStdOut) {
        if (encoderOps == null) {
            buildEncoder();
        }
        load(encoderIn, images, first, n, c.pixels());
        encoderOps.forEach(Runnable::run);
        store(mean, meanOut, first, n, c.latentSize());
        store(logStd, logStdOut, first, n, c.latentSize());
    }

    /** Decodes latent vectors {@code first … first+n-1} of {@code z} into logits in {@code out}; {@code n ≤ batch}. */
    void decodeLogits(float[] z, int first, int n, float[] out) {
        if (decoderOps == null) {
            buildDecoder();
        }
        load(decoderIn, z, first, n, c.latentSize());
        decoderOps.forEach(Runnable::run);
        store(logits, out, first, n, c.pixels());
    }

    int batch() {
        return batch;
    }

    private void buildEncoder() {
        List<Runnable> ops = new ArrayList<>();
        int h = c.height();
        int wd = c.width();
        encoderIn = array(batch, c.pixels());
        INDArray in = encoderIn.reshape('c', batch, 1, h, wd);
        int k = c.kernelSize();
        int[] filters = c.encoderFilters();
        int[] strides = c.encoderStrides();
        for (int i = 0; i < filters.length; i++) {
            h = (h + strides[i] - 1) / strides[i];
            wd = (wd + strides[i] - 1) / strides[i];
            INDArray out = array(batch, filters[i], h, wd);
            // kH, kW, sH, sW, pH, pW, dH, dW, SAME, NCHW, weights [kH, kW, in, out]
            int[] args = {k, k, strides[i], strides[i], 0, 0, 1, 1, 1, 0, 0};
            ops.add(custom("conv2d", args, out, in, w.get(VaeWeights.encoderKernel(i)), w.get(VaeWeights.encoderBias(i))));
            ops.addAll(leakyRelu(out));
            in = out;
        }
        encoderFlat = in.reshape('c', batch, in.length() / batch);
        mean = array(batch, c.latentSize());
        logStd = array(batch, c.latentSize());
        ops.add(dense(encoderFlat, VaeWeights.MEAN_KERNEL, VaeWeights.MEAN_BIAS, mean));
        ops.add(dense(encoderFlat, VaeWeights.LOG_STD_KERNEL, VaeWeights.LOG_STD_BIAS, logStd));
        ops.add(() -> logStd.muli(0.5));
        encoderOps = ops;
    }

    private void buildDecoder() {
        List<Runnable> ops = new ArrayList<>();
        double alpha = c.leakyReluAlpha();
        decoderIn = array(batch, c.latentSize());
        INDArray hidden = array(batch, c.decoderHidden());
        ops.add(dense(decoderIn, VaeWeights.HIDDEN_KERNEL, VaeWeights.HIDDEN_BIAS, hidden));
        ops.add(exec(new LeakyReLU(hidden, hidden, alpha)));
        int h = c.codeHeight();
        int wd = c.codeWidth();
        INDArray grid = array(batch, (long) h * wd);
        ops.add(dense(hidden, VaeWeights.GRID_KERNEL, VaeWeights.GRID_BIAS, grid));
        ops.add(exec(new LeakyReLU(grid, grid, alpha)));
        INDArray in = grid.reshape('c', batch, 1, h, wd);
        int k = c.kernelSize();
        int[] filters = c.decoderFilters();
        int[] strides = c.decoderStrides();
        for (int i = 0; i < filters.length; i++) {
            int s = strides[i];
            int[] args = transposedConvArgs(k, s);
            int excess = TransposedConvPadding.excess(k, s);
            h *= s;
            wd *= s;
            INDArray out = array(batch, filters[i], h, wd);
            INDArray kernel = w.get(VaeWeights.decoderKernel(i));
            INDArray bias = w.get(VaeWeights.decoderBias(i));
            if (i == 0 && (long) c.codeHeight() * c.codeWidth() * out.length() / batch <= matrixLimit) {
                INDArray matrix = firstLayerMatrix(args, excess, kernel, h, wd);
                INDArray biasRow = array(out.length() / batch);
                for (int f = 0; f < filters[0]; f++) {
                    biasRow.get(NDArrayIndex.interval((long) f * h * wd, (long) (f + 1) * h * wd)).assign(bias.getDouble(f));
                }
                INDArray out2 = out.reshape('c', batch, out.length() / batch);
                ops.add(() -> {
                    Nd4j.gemm(grid, matrix, out2, false, false, 1.0, 0.0);
                    out2.addiRowVector(biasRow);
                });
                ops.add(exec(new RectifiedLinear(out, out, 0)));
                in = out;
                continue;
            }
            if (s == 1) {
                // a stride-1 'same' transposed conv is a valid conv with the flipped, channel-swapped kernel on
                // the input padded by k−1−lead before and lead after: oneDNN's conv here took ~40 % less time
                // than its deconv (42 ms per batch of 256) plus the crop
                int before = k - 1 - args[4];
                INDArray padded = array(batch, in.size(1), h + k - 1, wd + k - 1); // the border stays 0
                INDArray interior = padded.get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(before, before + h), NDArrayIndex.interval(before, before + wd));
                INDArray source = in;
                ops.add(() -> interior.assign(source));
                INDArray convKernel = asConvKernel(kernel);
                ops.add(custom("conv2d", new int[] {k, k, 1, 1, 0, 0, 1, 1, 0, 0, 0}, out, padded, convKernel, bias));
                ops.add(exec(new RectifiedLinear(out, out, 0)));
                in = out;
                continue;
            }
            INDArray full = excess == 0 ? out : array(batch, filters[i], h + excess, wd + excess);
            ops.add(custom("deconv2d", args, full, in, kernel, bias));
            // ReLU on the whole contiguous result, then TF 'same' keeps its first h×w (a ReLU writing the
            // cropped view directly ran ~8 times slower)
            ops.add(exec(new RectifiedLinear(full, full, 0)));
            if (excess != 0) {
                INDArray kept = full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, h),
                        NDArrayIndex.interval(0, wd));
                ops.add(() -> out.assign(kept));
            }
            in = out;
        }
        INDArray flat = in.reshape('c', batch, in.length() / batch);
        logits = array(batch, c.pixels());
        ops.add(dense(flat, VaeWeights.OUTPUT_KERNEL, VaeWeights.OUTPUT_BIAS, logits));
        decoderOps = ops;
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, not SAME (oneDNN's path), NCHW; weights [kH, kW, out, in]. */
    private static int[] transposedConvArgs(int k, int s) {
        int lead = TransposedConvPadding.leading(k, s);
        return new int[] {k, k, s, s, lead, lead, 1, 1, 0, 0, 0};
    }

    /**
     * The first decoder layer's linear map as a matrix [grid cells, filters·h·w]: its input has one channel,
     * on which deconv2d ran at under 1 GMAC/s (21 ms per batch of 256, as long as the output layer); one GEMM
     * with this matrix takes ~2 ms. Row q is the layer's (cropped, bias-free) response to the one-hot grid q,
     * computed with the layer's own op, so it is the same map by construction.
     */
    private INDArray firstLayerMatrix(int[] args, int excess, INDArray kernel, int h, int wd) {
        int cells = c.codeHeight() * c.codeWidth();
        int filters = c.decoderFilters()[0];
        try (INDArray oneHot = Nd4j.create(DataType.FLOAT, cells, 1, c.codeHeight(), c.codeWidth());
                INDArray zeroBias = Nd4j.create(DataType.FLOAT, filters);
                INDArray full = Nd4j.create(DataType.FLOAT, cells, filters, h + excess, wd + excess)) {
            INDArray flatHot = oneHot.reshape('c', cells, cells);
            for (int q = 0; q < cells; q++) {
                flatHot.putScalar(q, q, 1f);
            }
            Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(oneHot, kernel, zeroBias)
                    .addOutputs(full).addIntegerArguments(args).build());
            INDArray kept = full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, h),
                    NDArrayIndex.interval(0, wd));
            INDArray matrix = array(cells, (long) filters * h * wd);
            matrix.assign(kept.dup('c').reshape('c', cells, (long) filters * h * wd));
            return matrix;
        }
    }

    /** A transposed-conv kernel [kH, kW, out, in] as the conv kernel [kH, kW, in, out] of the flipped kernel. */
    private INDArray asConvKernel(INDArray deconvKernel) {
        long[] shape = deconvKernel.shape();
        int kh = (int) shape[0];
        int kw = (int) shape[1];
        int outChannels = (int) shape[2];
        int inChannels = (int) shape[3];
        float[] source = deconvKernel.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] target = new float[source.length];
        for (int a = 0; a < kh; a++) {
            for (int b = 0; b < kw; b++) {
                for (int co = 0; co < outChannels; co++) {
                    for (int ci = 0; ci < inChannels; ci++) {
                        int from = ((a * kw + b) * outChannels + co) * inChannels + ci;
                        int to = (((kh - 1 - a) * kw + (kw - 1 - b)) * inChannels + ci) * outChannels + co;
                        target[to] = source[from];
                    }
                }
            }
        }
        INDArray kernel = array(kh, kw, inChannels, outChannels);
        kernel.assign(Nd4j.create(target, new long[] {kh, kw, inChannels, outChannels}, 'c'));
        return kernel;
    }

    /**
     * Leaky ReLU in place as max(x, α·x) (α is in [0, 1)): two fast elementwise ops. libnd4j's leaky ReLU op
     * ran at ~2.3 ns per element here, 7 ms for the first encoder layer of a batch of 256.
     */
    private List<Runnable> leakyRelu(INDArray x) {
        INDArray scaled = array(x.shape());
        DynamicCustomOp max = DynamicCustomOp.builder("maximum").addInputs(x, scaled).addOutputs(x).build();
        return List.of(exec(new ScalarMultiplication(x, null, scaled, c.leakyReluAlpha())), () -> Nd4j.exec(max));
    }

    /** out = in·W + b into a preallocated array. */
    private Runnable dense(INDArray in, String kernel, String bias, INDArray out) {
        INDArray k = w.get(kernel);
        INDArray b = w.get(bias);
        return () -> {
            Nd4j.gemm(in, k, out, false, false, 1.0, 0.0);
            out.addiRowVector(b);
        };
    }

    private static Runnable custom(String name, int[] args, INDArray out, INDArray... in) {
        DynamicCustomOp op = DynamicCustomOp.builder(name).addInputs(in).addOutputs(out).addIntegerArguments(args).build();
        return () -> Nd4j.exec(op);
    }

    private static Runnable exec(Op op) {
        return () -> Nd4j.exec(op);
    }

    private INDArray array(long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        owned.add(a);
        return a;
    }

    /** Copies {@code n} rows from {@code src} (row {@code first} on) into the batch array, zeros after them. */
    private void load(INDArray dst, float[] src, int first, int n, int width) {
        float[] rows = new float[batch * width];
        System.arraycopy(src, first * width, rows, 0, n * width);
        dst.data().setData(rows);
    }

    private void store(INDArray src, float[] dst, int first, int n, int width) {
        float[] rows = src.data().asFloat();
        System.arraycopy(rows, 0, dst, first * width, n * width);
    }

    @Override
    public void close() {
        for (INDArray a : owned) {
            if (a.closeable()) {
                a.close();
            }
        }
        owned.clear();
        encoderOps = null;
        decoderOps = null;
    }

    @Override
    public String toString() {
        return "EagerInference" + Arrays.toString(new int[] {batch, c.height(), c.width()});
    }
}
