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
            new ActivationFactor(pre, factor, 0.3f, keep, new SplittableRandom(1)).run();
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
            assertThat(v[n - 1] != 0 || v[n - 2] != 0 || v[n - 3] != 0).as("the tail is filled too").isTrue();
        }
    }

    @Test
    void withoutDropoutTheFactorIsTheSlope() {
        NativeBackend.start();
        INDArray pre = Nd4j.create(new float[] {-2f, -0f, 0f, 1e-7f, 3f}, new long[] {5}, 'c');
        INDArray factor = Nd4j.create(DataType.FLOAT, 5);
        new ActivationFactor(pre, factor, 0.25f, 1f, null).run();
        assertThat(factor.data().asFloat()).containsExactly(0.25f, 0.25f, 0.25f, 1f, 1f);
        new ActivationFactor(pre, factor, 0f, 1f, null).run();
        assertThat(factor.data().asFloat()).containsExactly(0f, 0f, 0f, 1f, 1f);
    }

    @Test
    void sameSeedSameFactorsAndEachRunDrawsNewMasks() {
        NativeBackend.start();
        INDArray pre = Nd4j.ones(DataType.FLOAT, 4099);
        INDArray a = Nd4j.create(DataType.FLOAT, 4099);
        INDArray b = Nd4j.create(DataType.FLOAT, 4099);
        ActivationFactor fa = new ActivationFactor(pre, a, 0.3f, 0.8f, new SplittableRandom(42));
        new ActivationFactor(pre, b, 0.3f, 0.8f, new SplittableRandom(42)).run();
        fa.run();
        assertThat(a.data().asFloat()).containsExactly(b.data().asFloat());
        float[] first = a.data().asFloat();
        fa.run();
        assertThat(a.data().asFloat()).isNotEqualTo(first);
    }
}
