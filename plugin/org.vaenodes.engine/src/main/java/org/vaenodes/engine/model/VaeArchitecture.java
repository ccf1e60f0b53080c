package org.vaenodes.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The VAE's layers, derived from a {@link VaeConfig}: the one place the architecture is written. The training
 * step, the inference path, the SameDiff reference graph and the parameter list of the model file
 * ({@link VaeWeights#params}) are all built by walking these lists, so a layer added or changed here is added
 * or changed everywhere.
 *
 * <pre>
 * encoder      x [N,C,H,W] → conv 'same' (stride s) → leaky ReLU → dropout   (one per encoder filter count)
 * latent       flatten → mean = dense;  logStd = 0.5 · dense;  z = mean + ε · exp(logStd)
 * decoder      z → dense (leaky ReLU) → dense (leaky ReLU) → [N,1,h,w]
 *              → transposed conv 'same' (stride s) → ReLU → dropout           (one per decoder filter count;
 *                                                                             no dropout after the last)
 * output       flatten → dense → logits [N, C·H·W] (sigmoid for the images)
 * </pre>
 * All feature maps are NCHW; sizes are per image. C is the image's channels (1 gray, 3 RGB): they enter the
 * first encoder convolution and leave the output layer, channel-major like the images themselves; the code grid
 * the decoder starts from has one channel whatever C is.
 */
public final class VaeArchitecture {

    /** The nonlinearity after a layer. */
    public enum Activation { NONE, RELU, LEAKY_RELU }

    /**
     * A convolution with TensorFlow's 'same' padding (output = ⌈input / stride⌉), kernel [k, k, in, out]; or,
     * when {@code transposed}, a 'same' transposed convolution (output = input × stride), kernel [k, k, out, in].
     */
    public record Conv(String kernel, String bias, boolean transposed, int inChannels, int outChannels,
            int kernelSize, int stride, int inHeight, int inWidth, int outHeight, int outWidth,
            Activation activation, boolean dropout) {

        public long inputSize() { return (long) inChannels * inHeight * inWidth; }
        public long outputSize() { return (long) outChannels * outHeight * outWidth; }
        public long[] kernelShape() {
            return transposed ? new long[] {kernelSize, kernelSize, outChannels, inChannels}
                    : new long[] {kernelSize, kernelSize, inChannels, outChannels};
        }
    }

    /** out = in · W + b, kernel [in, out], then the activation. */
    public record Dense(String kernel, String bias, long in, long out, Activation activation) {
    }

    private final List<Conv> encoder = new ArrayList<>();
    private final Dense mean;
    private final Dense logStd;
    private final List<Dense> decoderDense = new ArrayList<>();
    private final List<Conv> decoder = new ArrayList<>();
    private final Dense output;
    private final VaeConfig config;

    public VaeArchitecture(VaeConfig c) {
        this.config = c;
        int k = c.kernelSize();
        int h = c.height();
        int w = c.width();
        int channels = c.channels();
        int[] ef = c.encoderFilters();
        int[] es = c.encoderStrides();
        for (int i = 0; i < ef.length; i++) {
            int oh = ceilDiv(h, es[i]);
            int ow = ceilDiv(w, es[i]);
            encoder.add(new Conv(VaeWeights.encoderKernel(i), VaeWeights.encoderBias(i), false, channels, ef[i], k, es[i],
                    h, w, oh, ow, Activation.LEAKY_RELU, true));
            channels = ef[i];
            h = oh;
            w = ow;
        }
        long flat = (long) channels * h * w;
        mean = new Dense(VaeWeights.MEAN_KERNEL, VaeWeights.MEAN_BIAS, flat, c.latentSize(), Activation.NONE);
        logStd = new Dense(VaeWeights.LOG_STD_KERNEL, VaeWeights.LOG_STD_BIAS, flat, c.latentSize(), Activation.NONE);
        h = c.codeHeight();
        w = c.codeWidth();
        decoderDense.add(new Dense(VaeWeights.HIDDEN_KERNEL, VaeWeights.HIDDEN_BIAS, c.latentSize(), c.decoderHidden(),
                Activation.LEAKY_RELU));
        decoderDense.add(new Dense(VaeWeights.GRID_KERNEL, VaeWeights.GRID_BIAS, c.decoderHidden(), (long) h * w,
                Activation.LEAKY_RELU));
        channels = 1;
        int[] df = c.decoderFilters();
        int[] ds = c.decoderStrides();
        for (int i = 0; i < df.length; i++) {
            int oh = h * ds[i];
            int ow = w * ds[i];
            decoder.add(new Conv(VaeWeights.decoderKernel(i), VaeWeights.decoderBias(i), true, channels, df[i], k, ds[i],
                    h, w, oh, ow, Activation.RELU, i < df.length - 1));
            channels = df[i];
            h = oh;
            w = ow;
        }
        output = new Dense(VaeWeights.OUTPUT_KERNEL, VaeWeights.OUTPUT_BIAS, (long) channels * h * w, c.imageValues(), Activation.NONE);
    }

    public VaeConfig config() { return config; }
    /** Encoder convolutions, input first. */
    public List<Conv> encoder() { return List.copyOf(encoder); }
    /** The latent mean's projection of the flattened encoder output. */
    public Dense mean() { return mean; }
    /** The projection whose half is the latent log-std. */
    public Dense logStd() { return logStd; }
    /** The decoder's dense layers, from z to the code grid. */
    public List<Dense> decoderDense() { return List.copyOf(decoderDense); }
    /** Decoder transposed convolutions, code grid first. */
    public List<Conv> decoder() { return List.copyOf(decoder); }
    /** The output layer: flattened decoder maps to one logit per image value (channel-major). */
    public Dense output() { return output; }

    /** The parameters in the model file's order: the layers from input to output, each kernel before its bias. */
    public List<VaeWeights.Param> params() {
        List<VaeWeights.Param> ps = new ArrayList<>();
        for (Conv conv : encoder) {
            conv(ps, conv);
        }
        dense(ps, mean);
        dense(ps, logStd);
        for (Dense d : decoderDense) {
            dense(ps, d);
        }
        for (Conv conv : decoder) {
            conv(ps, conv);
        }
        dense(ps, output);
        return ps;
    }

    private static void conv(List<VaeWeights.Param> ps, Conv conv) {
        long taps = (long) conv.kernelSize() * conv.kernelSize();
        long[] shape = conv.kernelShape();
        // Glorot's fans as TensorFlow computes them: taps × the kernel's last two dimensions
        ps.add(new VaeWeights.Param(conv.kernel(), shape, taps * shape[2], taps * shape[3]));
        ps.add(new VaeWeights.Param(conv.bias(), new long[] {conv.outChannels()}, 0, 0));
    }

    private static void dense(List<VaeWeights.Param> ps, Dense d) {
        ps.add(new VaeWeights.Param(d.kernel(), new long[] {d.in(), d.out()}, d.in(), d.out()));
        ps.add(new VaeWeights.Param(d.bias(), new long[] {d.out()}, 0, 0));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
