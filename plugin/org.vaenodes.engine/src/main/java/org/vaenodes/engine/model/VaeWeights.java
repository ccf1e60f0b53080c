package org.vaenodes.engine.model;

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

    // the file format's names; VaeArchitecture says which layer each belongs to
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

    /**
     * All parameters of a model with this configuration, in the model file's order (names, shapes and order
     * are the file format: {@link ModelFileReader} checks files against them).
     */
    public static List<Param> params(VaeConfig c) {
        return new VaeArchitecture(c).params();
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
