package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;

class FlatAdamTest {

    /**
     * Ten steps with fresh random gradients, on one thread and on two: the weights and both moments stay within
     * float rounding of ND4J's Adam updater followed by {@code values -= update}, the updater this replaced.
     */
    @Test
    void matchesNd4jsAdamUpdaterStepByStep() {
        NativeBackend.start();
        int before = NativeBackend.threads();
        VaeConfig c = VaeConfig.builder().imageSize(12, 12).filters(4).latentSize(3).build();
        VaeArchitecture arch = new VaeArchitecture(c);
        Map<String, INDArray> initial = VaeWeights.initial(c, DataType.FLOAT);
        try {
            for (int threads : new int[] {1, 2}) {
                NativeBackend.setThreads(threads);
                try (Parameters ours = new Parameters(arch, initial, true);
                        Parameters theirs = new Parameters(arch, initial, true)) {
                    long n = ours.values().length();
                    INDArray ourState = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
                    FlatAdam adam = new FlatAdam(ours, ourState, 1e-3, 0.9, 0.999, 1e-8);
                    Adam config = new Adam(1e-3, 0.9, 0.999, 1e-8);
                    INDArray theirState = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(n));
                    GradientUpdater<?> nd4j = config.instantiate(theirState, true);
                    SplittableRandom random = new SplittableRandom(threads);
                    // each gradient keeps its sign and scale (1e-6 to 1) over the steps, so no moment is a
                    // difference of near-equal terms, where the last bits of two roundings would dominate
                    double[] scale = new double[(int) n];
                    for (int i = 0; i < scale.length; i++) {
                        scale[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, -random.nextInt(7));
                    }
                    for (int it = 0; it < 10; it++) {
                        float[] g = new float[(int) n];
                        for (int i = 0; i < g.length; i++) {
                            g[i] = (float) (scale[i] * (0.5 + random.nextDouble()));
                        }
                        ours.gradientsNio().put(0, g);
                        theirs.gradientsNio().put(0, g);
                        adam.apply(it, 0f);
                        nd4j.applyUpdater(theirs.gradients().reshape('c', 1, n), it, 0);
                        theirs.values().subi(theirs.gradients());
                        // a weight near 0 after steps of ±1e-3 carries the rounding of those steps
                        assertClose(ours.values(), theirs.values(), 1e-3, "weights after step " + it);
                        assertClose(ourState.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, n)),
                                theirState.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, n)), 0,
                                "first moments after step " + it);
                        assertClose(ourState.get(NDArrayIndex.point(0), NDArrayIndex.interval(n, 2 * n)),
                                theirState.get(NDArrayIndex.point(0), NDArrayIndex.interval(n, 2 * n)), 0,
                                "second moments after step " + it);
                        assertThat(ours.gradientsNio().get(7)).as("the gradients are only read").isEqualTo(g[7]);
                    }
                }
            }
        } finally {
            NativeBackend.setThreads(before);
        }
    }

    /** A flush zeroes moments below the threshold before the step and leaves larger ones to Adam. */
    @Test
    void aFlushZeroesNegligibleMomentsFirst() {
        NativeBackend.start();
        VaeConfig c = VaeConfig.builder().imageSize(8, 8).filters(2).latentSize(2).build();
        try (Parameters p = new Parameters(new VaeArchitecture(c), VaeWeights.initial(c, DataType.FLOAT), true)) {
            long n = p.values().length();
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
            FlatAdam adam = new FlatAdam(p, state, 1e-3, 0.9, 0.999, 1e-8);
            p.gradients().assign(0);
            state.putScalar(0, 0, 1e-35f);
            state.putScalar(0, 1, -1e-35f);
            state.putScalar(0, 2, 1e-3f);
            state.putScalar(0, n, 1e-35f);
            adam.apply(5, 0f);
            assertThat(state.getFloat(0, 0)).as("without a flush Adam only decays it").isEqualTo(0.9f * 1e-35f);
            adam.apply(6, 1e-30f);
            assertThat(state.getFloat(0, 0)).isZero();
            assertThat(state.getFloat(0, 1)).isZero();
            assertThat(state.getFloat(0, n)).isZero();
            assertThat(state.getFloat(0, 2)).isEqualTo(0.9f * (0.9f * 1e-3f));
        }
    }

    /**
     * Every value within 1e-5 relative of ND4J's, values smaller than {@code scale} (or than a millionth of the
     * largest) measured against that instead.
     */
    private static void assertClose(INDArray ours, INDArray theirs, double scale, String what) {
        float[] a = ours.dup().data().asFloat();
        float[] b = theirs.dup().data().asFloat();
        assertThat(a).as(what).hasSameSizeAs(b);
        double largest = 0;
        for (float x : b) {
            largest = Math.max(largest, Math.abs(x));
        }
        double floor = Math.max(scale, 1e-6 * largest);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            double error = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor);
            if (error > worst) {
                worst = error;
                at = i;
            }
        }
        assertThat(worst).as("%s: largest relative difference, at %d", what, at).isLessThan(1e-5);
    }
}
