package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

class KeepMaskTest {

    @Test
    void keepsTheRequestedFractionScaledByOneOverKeep() {
        NativeBackend.start();
        for (float keep : new float[] {0.8f, 0.5f, 0.1f}) {
            INDArray mask = Nd4j.create(DataType.FLOAT, 1_000_003); // not a multiple of four: the tail path
            new KeepMask(mask, keep, new SplittableRandom(1)).refill();
            float[] v = mask.data().asFloat();
            long kept = 0;
            for (float x : v) {
                assertThat(x).isIn(0f, 1f / keep);
                if (x != 0) {
                    kept++;
                }
            }
            // binomial standard deviation at n = 1e6 is at most 5e-4
            assertThat((double) kept / v.length).as("kept fraction for keep %s", keep).isCloseTo(keep, within(3e-3));
            assertThat(v[v.length - 1] + v[v.length - 2] + v[v.length - 3]).as("tail is filled too").isPositive();
        }
    }

    @Test
    void sameSeedSameMasksAndEachRefillIsNew() {
        NativeBackend.start();
        INDArray a = Nd4j.create(DataType.FLOAT, 4099);
        INDArray b = Nd4j.create(DataType.FLOAT, 4099);
        KeepMask ma = new KeepMask(a, 0.8f, new SplittableRandom(42));
        KeepMask mb = new KeepMask(b, 0.8f, new SplittableRandom(42));
        ma.refill();
        mb.refill();
        assertThat(a.data().asFloat()).containsExactly(b.data().asFloat());
        float[] first = a.data().asFloat();
        ma.refill();
        assertThat(a.data().asFloat()).isNotEqualTo(first);
    }
}
