package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

class ReluGradientTest {

    @Test
    void passesTheGradientWhereTheOutputIsPositiveAsReluBpDoes() {
        NativeBackend.start();
        for (int n : new int[] {1, 9, ParallelRanges.CHUNK + 1, 802_817}) {
            SplittableRandom r = new SplittableRandom(n);
            float[] o = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(0f, (float) r.nextGaussian()); // a ReLU's output: zeros about half the time
                g[i] = (float) r.nextGaussian();
            }
            o[0] = 0f;
            if (n > 1) {
                o[1] = -0f;
            }
            INDArray out = Nd4j.create(o, new long[] {n}, 'c');
            INDArray outGradient = Nd4j.create(g, new long[] {n}, 'c');
            INDArray ours = Nd4j.create(DataType.FLOAT, n);
            INDArray native_ = Nd4j.create(DataType.FLOAT, n);
            Nd4j.exec(NativeArrays.custom("relu_bp", NativeArrays.arrays(out, outGradient),
                    NativeArrays.arrays(native_)));

            new ReluGradient(out, outGradient, ours).run();

            float[] got = ours.data().asFloat();
            assertThat(got).as("n = %d", n).isEqualTo(native_.data().asFloat());
            for (int i = 0; i < n; i++) {
                assertThat(got[i]).isEqualTo(o[i] > 0 ? g[i] : 0f);
            }
        }
    }

    @Test
    void refusesArraysOfDifferentLengthsAndViews() {
        NativeBackend.start();
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 8);
        assertThatThrownBy(() -> new ReluGradient(a, Nd4j.create(DataType.FLOAT, 15), a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
        INDArray view = Nd4j.create(DataType.FLOAT, 4, 8).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertThat(NativeArrays.standalone(view)).isFalse();
        assertThat(NativeArrays.standalone(a)).isTrue();
        assertThatThrownBy(() -> new ReluGradient(a, a, view)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a standalone array");
    }
}
