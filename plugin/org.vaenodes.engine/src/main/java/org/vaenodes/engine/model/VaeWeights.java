package org.vaenodes.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Names, shapes and initial values of the VAE's trainable parameters. Kernels start Glorot-uniform and biases
 * at zero, as TensorFlow's layers did in the seed; the values come from a Java generator seeded by the config,
 * so the same seed gives the same initial weights on every platform and native build.
 */
public final class VaeWeights {

    static final String MEAN_KERNEL = "mean_W";
    static final String MEAN_BIAS = "mean_b";
    static final String LOG_STD_KERNEL = "logstd_W";
    static final String LOG_STD_BIAS = "logstd_b";
    static final String HIDDEN_KERNEL = "dec_dense1_W";
    static final String HIDDEN_BIAS = "dec_dense1_b";
    static final String GRID_KERNEL = "dec_dense2_W";
    static final String GRID_BIAS = "dec_dense2_b";
    static final String OUTPUT_KERNEL = "dec_out_W";
    static final String OUTPUT_BIAS = "dec_out_b";

    /** One parameter: its name, shape, and the fan-in/fan-out of its Glorot range (0 for biases). */
    public record Param(String name, long[] shape, long fanIn, long fanOut) {
        boolean isBias() {
            return fanIn == 0;
        }

        long length() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private VaeWeights() {
    }

    static String encoderKernel(int i) { return "enc_conv" + i + "_W"; }
    static String encoderBias(int i) { return "enc_conv" + i + "_b"; }
    static String decoderKernel(int i) { return "dec_deconv" + i + "_W"; }
    static String decoderBias(int i) { return "dec_deconv" + i + "_b"; }

    /** All parameters of a model with this configuration, in a fixed order. */
    public static List<Param> params(VaeConfig c) {
        List<Param> ps = new ArrayList<>();
        int k = c.kernelSize();
        long kk = (long) k * k;
        int in = 1;
        int[] ef = c.encoderFilters();
        for (int i = 0; i < ef.length; i++) {
            // conv2d weights in libnd4j's default layout [kH, kW, inChannels, outChannels]
            ps.add(new Param(encoderKernel(i), new long[] {k, k, in, ef[i]}, kk * in, kk * ef[i]));
            ps.add(bias(encoderBias(i), ef[i]));
            in = ef[i];
        }
        long flat = (long) in * c.codeHeight() * c.codeWidth();
        ps.add(dense(MEAN_KERNEL, flat, c.latentSize()));
        ps.add(bias(MEAN_BIAS, c.latentSize()));
        ps.add(dense(LOG_STD_KERNEL, flat, c.latentSize()));
        ps.add(bias(LOG_STD_BIAS, c.latentSize()));
        ps.add(dense(HIDDEN_KERNEL, c.latentSize(), c.decoderHidden()));
        ps.add(bias(HIDDEN_BIAS, c.decoderHidden()));
        long grid = (long) c.codeHeight() * c.codeWidth();
        ps.add(dense(GRID_KERNEL, c.decoderHidden(), grid));
        ps.add(bias(GRID_BIAS, grid));
        int[] df = c.decoderFilters();
        in = 1;
        for (int i = 0; i < df.length; i++) {
            // deconv2d weights in libnd4j's layout [kH, kW, outChannels, inChannels]
            ps.add(new Param(decoderKernel(i), new long[] {k, k, df[i], in}, kk * df[i], kk * in));
            ps.add(bias(decoderBias(i), df[i]));
            in = df[i];
        }
        long decoded = (long) in * c.decodedHeight() * c.decodedWidth();
        ps.add(dense(OUTPUT_KERNEL, decoded, c.pixels()));
        ps.add(bias(OUTPUT_BIAS, c.pixels()));
        return ps;
    }

    private static Param dense(String name, long in, long out) {
        return new Param(name, new long[] {in, out}, in, out);
    }

    private static Param bias(String name, long n) {
        return new Param(name, new long[] {n}, 0, 0);
    }

    /** Fresh initial weights for {@code c}, reproducible from {@code c.seed()}. */
    public static Map<String, INDArray> initial(VaeConfig c, DataType dtype) {
        SplittableRandom random = new SplittableRandom(c.seed());
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (Param p : params(c)) {
            double[] values = new double[Math.toIntExact(p.length())];
            if (!p.isBias()) {
                double limit = Math.sqrt(6.0 / (p.fanIn() + p.fanOut()));
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextDouble(-limit, limit);
                }
            }
            weights.put(p.name(), Nd4j.create(values, p.shape(), dtype));
        }
        return weights;
    }

    /** Total number of trainable values. */
    public static long count(VaeConfig c) {
        long n = 0;
        for (Param p : params(c)) {
            n += p.length();
        }
        return n;
    }
}
