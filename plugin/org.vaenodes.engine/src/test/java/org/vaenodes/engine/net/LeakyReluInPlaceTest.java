package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

class LeakyReluInPlaceTest {

    @Test
    void equalsTheNativeMaximumOfTheValuesAndTheirScaledCopy() {
        NativeBackend.start();
        // below one chunk, exactly one, and several with a short last one (split over the threads)
        for (int n : new int[] {1, 7, ParallelRanges.CHUNK, 3 * ParallelRanges.CHUNK + 5, 1_000_003}) {
            float[] x = new float[n];
            SplittableRandom r = new SplittableRandom(n);
            for (int i = 0; i < n; i++) {
                x[i] = (float) r.nextGaussian();
            }
            x[0] = -0f;
            INDArray ours = Nd4j.create(x.clone(), new long[] {n}, 'c');
            INDArray native_ = Nd4j.create(x.clone(), new long[] {n}, 'c');
            INDArray scaled = Nd4j.create(native_.dataType(), n);
            Nd4j.exec(new ScalarMultiplication(native_, null, scaled, 0.2f));
            Nd4j.exec(DynamicCustomOp.builder("maximum").addInputs(native_, scaled).addOutputs(native_).build());

            new LeakyReluInPlace(ours, 0.2f).run();

            float[] got = ours.data().asFloat();
            assertThat(got).as("n = %d", n).isEqualTo(native_.data().asFloat());
            for (int i = 1; i < n; i++) {
                assertThat(got[i]).isEqualTo(x[i] > 0 ? x[i] : 0.2f * x[i]);
            }
        }
    }

    @Test
    void activatesAFourDimensionalLayerOutputWhole() {
        NativeBackend.start();
        INDArray out = Nd4j.linspace(-50, 49, 100).castTo(DataType.FLOAT).reshape(2, 2, 5, 5);
        new LeakyReluInPlace(out, 0.5f).run();
        assertThat(out.getFloat(0, 0, 0, 0)).isEqualTo(-25f);
        assertThat(out.getFloat(1, 1, 4, 4)).isEqualTo(49f);
        assertThat(out.minNumber().floatValue()).isEqualTo(-25f);
    }
}
