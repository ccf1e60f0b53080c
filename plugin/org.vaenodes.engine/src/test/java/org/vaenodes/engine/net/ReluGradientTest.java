package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

class ReluGradientTest {

    /** The same values as libnd4j's relu_bp on a ReLU's output (zeros, ±0 and positives), on 1 and 2 threads. */
    @Test
    void equalsLibnd4jsReluBackward() {
        NativeBackend.start();
        int before = NativeBackend.threads();
        int n = 100_003;
        SplittableRandom random = new SplittableRandom(4);
        float[] out = new float[n];
        float[] gradient = new float[n];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            out[i] = i % 7 == 0 ? -0f : (float) Math.max(0, a);
            gradient[i] = (float) random.nextGaussian();
        }
        INDArray o = Nd4j.create(out, new long[] {n}, 'c');
        INDArray g = Nd4j.create(gradient, new long[] {n}, 'c');
        INDArray expected = Nd4j.create(DataType.FLOAT, n);
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(o, g).addOutputs(expected).build());
        try {
            for (int threads : new int[] {1, 2}) {
                NativeBackend.setThreads(threads);
                INDArray ours = Nd4j.create(DataType.FLOAT, n);
                new ReluGradient(o, g, ours).run();
                float[] a = ours.data().asFloat();
                float[] b = expected.data().asFloat();
                int differs = -1;
                for (int i = 0; i < n && differs < 0; i++) {
                    if (a[i] != b[i]) { // == on floats: +0 and -0 count as the same gradient
                        differs = i;
                    }
                }
                assertThat(differs).as("first value that differs from relu_bp, %d threads", threads).isEqualTo(-1);
            }
        } finally {
            NativeBackend.setThreads(before);
        }
    }
}
