package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

class ActivationFactorTest {

    @Test
    void factorIsSlopeTimesKeepMaskAndKeepsTheRequestedFraction() {
        NativeBackend.start();
        int n = 1_000_003; // not a multiple of four: the tail path
        float[] x = new float[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        INDArray pre = Nd4j.create(x, new long[] {n}, 'c');
        for (float keep : new float[] {0.8f, 0.5f, 0.1f}) {
            INDArray factor = Nd4j.create(DataType.FLOAT, n);
            new ActivationFactor(pre, factor, 0.3f, keep, new DropoutBits(1, 0), null).run();
            float[] v = factor.data().asFloat();
            long kept = 0;
            for (int i = 0; i < n; i++) {
                float slope = x[i] > 0 ? 1f : 0.3f;
                assertThat(v[i]).as("factor %d for input %s, keep %s", i, x[i], keep).isIn(0f, slope / keep);
                if (v[i] != 0) {
                    kept++;
                }
            }
            // the binomial standard deviation at n = 1e6 is at most 5e-4
            assertThat((double) kept / n).as("kept fraction for keep %s", keep).isCloseTo(keep, within(3e-3));
            float[] expected = new float[n];
            sequentialFactors(x, 0.3f, keep, new DropoutBits(1, 0), expected);
            assertThat(firstDifference(v, expected)).as("the tail is drawn like the rest, keep %s", keep)
                    .isEqualTo(-1);
        }
    }

    @Test
    void withoutDropoutTheFactorIsTheSlope() {
        NativeBackend.start();
        INDArray pre = Nd4j.create(new float[] {-2f, -0f, 0f, 1e-7f, 3f}, new long[] {5}, 'c');
        INDArray factor = Nd4j.create(DataType.FLOAT, 5);
        new ActivationFactor(pre, factor, 0.25f, 1f, null, null).run();
        assertThat(factor.data().asFloat()).containsExactly(0.25f, 0.25f, 0.25f, 1f, 1f);
        new ActivationFactor(pre, factor, 0f, 1f, null, null).run();
        assertThat(factor.data().asFloat()).containsExactly(0f, 0f, 0f, 1f, 1f);
    }

    @Test
    void sameSeedSameFactorsAndEachRunDrawsNewMasks() {
        NativeBackend.start();
        INDArray pre = Nd4j.ones(DataType.FLOAT, 4099);
        INDArray a = Nd4j.create(DataType.FLOAT, 4099);
        INDArray b = Nd4j.create(DataType.FLOAT, 4099);
        ActivationFactor fa = new ActivationFactor(pre, a, 0.3f, 0.8f, new DropoutBits(42, 3), null);
        new ActivationFactor(pre, b, 0.3f, 0.8f, new DropoutBits(42, 3), null).run();
        fa.run();
        assertThat(a.data().asFloat()).containsExactly(b.data().asFloat());
        float[] first = a.data().asFloat();
        fa.run();
        assertThat(a.data().asFloat()).isNotEqualTo(first);
    }

    /**
     * Split between threads, draw j still decides elements 4j to 4j+3: the factors equal one sequential pass
     * over the draws, on one thread and on two, and the stream then stands where that pass left it.
     */
    @Test
    void threadsSplitTheDrawsWithoutChangingThem() {
        NativeBackend.start();
        int before = NativeBackend.threads();
        int n = 802_819; // a decoder layer's size plus a tail
        float[] x = new float[n];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float keep = 0.8f;
        float alpha = 0.2f;
        INDArray pre = Nd4j.create(x, new long[] {n}, 'c');
        float[] expected = new float[n];
        try {
            for (int threads : new int[] {1, 2}) {
                NativeBackend.setThreads(threads);
                DropoutBits bits = new DropoutBits(7, 2);
                DropoutBits reference = new DropoutBits(7, 2);
                INDArray factor = Nd4j.create(DataType.FLOAT, n);
                INDArray product = Nd4j.create(DataType.FLOAT, n);
                ActivationFactor f = new ActivationFactor(pre, factor, alpha, keep, bits, product);
                for (int pass = 0; pass < 2; pass++) {
                    f.run();
                    sequentialFactors(x, alpha, keep, reference, expected);
                    assertThat(firstDifference(factor.data().asFloat(), expected))
                            .as("first element that differs, pass %d on %d threads", pass, threads).isEqualTo(-1);
                    float[] products = new float[n];
                    for (int i = 0; i < n; i++) {
                        products[i] = x[i] * expected[i];
                    }
                    assertThat(firstDifference(product.data().asFloat(), products))
                            .as("first product that differs from pre · factor, pass %d", pass).isEqualTo(-1);
                    assertThat(bits.position()).as("stream position after pass %d", pass)
                            .isEqualTo(reference.position());
                }
            }
        } finally {
            NativeBackend.setThreads(before);
        }
    }

    /** The first index where the arrays differ, -1 for none (a diff of 800,000 floats is too slow to print). */
    private static int firstDifference(float[] a, float[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }

    /** The factors of one pass as drawn one after another, with {@link DropoutBits#nextLong}. */
    private static void sequentialFactors(float[] x, float alpha, float keep, DropoutBits bits, float[] out) {
        int threshold = Math.round(keep * 65536f);
        long draw = 0;
        for (int i = 0; i < x.length; i++) {
            if (i % 4 == 0) {
                draw = bits.nextLong();
            }
            boolean kept = (int) ((draw >>> (16 * (i % 4))) & 0xFFFF) < threshold;
            out[i] = kept ? (x[i] > 0 ? 1f : alpha) / keep : 0f;
        }
    }
}
