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
    private final List<INDArray> owned = new ArrayList<>();

    private INDArray encoderIn;
    private INDArray encoderFlat;
    private List<Runnable> encoderOps;
    private INDArray mean;
    private INDArray logStd;

    private INDArray decoderIn;
    private List<Runnable> decoderOps;
    private INDArray logits;

    EagerInference(VaeConfig config, Map<String, INDArray> weights, int batch) {
        this.c = config;
        this.w = weights;
        this.batch = batch;
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
            ops.add(exec(new LeakyReLU(out, out, c.leakyReluAlpha())));
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
            int lead = TransposedConvPadding.leading(k, s);
            int excess = TransposedConvPadding.excess(k, s);
            h *= s;
            wd *= s;
            INDArray out = array(batch, filters[i], h, wd);
            INDArray full = excess == 0 ? out : array(batch, filters[i], h + excess, wd + excess);
            // kH, kW, sH, sW, pH, pW, dH, dW, not SAME (oneDNN's path), NCHW, weights [kH, kW, out, in]
            int[] args = {k, k, s, s, lead, lead, 1, 1, 0, 0, 0};
            ops.add(custom("deconv2d", args, full, in, w.get(VaeWeights.decoderKernel(i)), w.get(VaeWeights.decoderBias(i))));
            // TF 'same' keeps the first h×w of the explicitly padded result; ReLU writes that part to out
            INDArray kept = excess == 0 ? full
                    : full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, h), NDArrayIndex.interval(0, wd));
            ops.add(exec(new RectifiedLinear(kept, out, 0)));
            in = out;
        }
        INDArray flat = in.reshape('c', batch, in.length() / batch);
        logits = array(batch, c.pixels());
        ops.add(dense(flat, VaeWeights.OUTPUT_KERNEL, VaeWeights.OUTPUT_BIAS, logits));
        decoderOps = ops;
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
