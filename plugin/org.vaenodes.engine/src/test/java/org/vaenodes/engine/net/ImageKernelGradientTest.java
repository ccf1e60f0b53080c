package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;

class ImageKernelGradientTest {

    /**
     * The first layer's kernel and bias gradients equal conv2d_bp's (the op this replaces) on random images,
     * output gradients and factors: the seed's 28×28 stride-2 layer, colour, a stride-1 layer (odd total
     * padding: one before, two after), a stride-2 layer on an odd size, and 12 colour images of 64×64, whose
     * patches are split over two threads; each on one thread and on two.
     */
    @ParameterizedTest(name = "{0}×{1}, {2} channels, kernel {3}, stride {4}, batch {5}")
    @CsvSource({"28, 28, 1, 4, 2, 5", "16, 12, 3, 4, 2, 5", "12, 12, 1, 4, 1, 5", "12, 12, 3, 3, 1, 5",
            "28, 28, 1, 3, 2, 5", "64, 64, 3, 4, 2, 12"})
    void equalsConv2dBackpropsWeightGradients(int height, int width, int channels, int k, int stride, int batch) {
        NativeBackend.start();
        int before = NativeBackend.threads();
        VaeConfig c = VaeConfig.builder().imageSize(height, width).channels(channels).kernelSize(k)
                .encoderFilters(8, 8).encoderStrides(stride, 2).decoderFilters(2, 2, 2).latentSize(3).build();
        VaeArchitecture arch = new VaeArchitecture(c);
        VaeArchitecture.Conv layer = arch.encoder().get(0);
        Map<String, INDArray> initial = VaeWeights.initial(c, DataType.FLOAT);
        SplittableRandom random = new SplittableRandom(7);
        INDArray in = filled(random, batch, channels, height, width);
        long[] outShape = {batch, layer.outChannels(), layer.outHeight(), layer.outWidth()};
        INDArray outGradient = filled(random, outShape);
        INDArray factor = filled(random, outShape);
        try {
            for (int threads : new int[] {1, 2}) {
                NativeBackend.setThreads(threads);
                try (Parameters ours = new Parameters(arch, initial, true);
                        Parameters theirs = new Parameters(arch, initial, true)) {
                    Parameters.Slot kernel = ours.slot(layer.kernel());
                    Parameters.Slot bias = ours.slot(layer.bias());
                    new ImageKernelGradient(layer, in, outGradient, factor, ours).steps().run();

                    Parameters.Slot refKernel = theirs.slot(layer.kernel());
                    Parameters.Slot refBias = theirs.slot(layer.bias());
                    INDArray preGradient = outGradient.mul(factor);
                    Nd4j.exec(NativeArrays.custom("conv2d_bp",
                            NativeArrays.arrays(in, refKernel.value(), refBias.value(), preGradient),
                            NativeArrays.arrays(in.ulike(), refKernel.gradient(), refBias.gradient()),
                            ConvArgs.same(k, stride)));

                    assertClose(kernel.gradient(), refKernel.gradient(), "kernel gradient, " + threads + " threads");
                    assertClose(bias.gradient(), refBias.gradient(), "bias gradient, " + threads + " threads");
                    assertThat(kernel.gradient().amaxNumber().doubleValue()).as("a gradient was written")
                            .isGreaterThan(0);
                }
            }
        } finally {
            NativeBackend.setThreads(before);
        }
    }

    private static INDArray filled(SplittableRandom random, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        float[] values = new float[Math.toIntExact(a.length())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        NativeArrays.nio(a).put(values);
        return a;
    }

    private static void assertClose(INDArray actual, INDArray expected, String what) {
        float[] a = actual.dup('c').data().asFloat();
        float[] e = expected.dup('c').data().asFloat();
        assertThat(a).as(what).hasSameSizeAs(e);
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - e[i]) > 1e-5 * scale + 1e-6) {
                throw new AssertionError(what + " differs at " + i + ": " + a[i] + " against " + e[i]
                        + " (largest " + scale + ")");
            }
        }
    }
}
