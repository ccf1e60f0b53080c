package org.vaenodes.engine.net;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward pass of a ReLU from its output: {@code dPre = dOut} where {@code out > 0}, else 0, as a Java
 * pass split over the cores without a branch on the sign. libnd4j's {@code relu_bp} took 2.4 ms for the seed's
 * last decoder layer (802,816 values, ~3 ns each); the layer without dropout has no {@link ActivationFactor}
 * to multiply by instead.
 */
final class ReluGradient implements Runnable {

    private static final int GRAIN = 4096;

    private final FloatBuffer outNio;
    private final FloatBuffer outGradientNio;
    private final FloatBuffer preGradientNio;
    private final float[] out;
    private final float[] gradient;

    /** All three contiguous and of one length; {@code preGradient} may be {@code outGradient}. */
    ReluGradient(INDArray out, INDArray outGradient, INDArray preGradient) {
        if (out.length() != outGradient.length() || out.length() != preGradient.length()) {
            throw new IllegalArgumentException("output, its gradient and the input gradient differ in length");
        }
        this.outNio = NativeArrays.nio(out);
        this.outGradientNio = NativeArrays.nio(outGradient);
        this.preGradientNio = NativeArrays.nio(preGradient);
        this.out = new float[Math.toIntExact(out.length())];
        this.gradient = new float[this.out.length];
    }

    @Override
    public void run() {
        ParallelRanges.run(out.length, GRAIN, this::part);
    }

    private void part(int from, int to) {
        float[] o = out;
        float[] g = gradient;
        outNio.get(from, o, from, to - from);
        outGradientNio.get(from, g, from, to - from);
        for (int i = from; i < to; i++) {
            // all ones iff the output's bits, as an int, are > 0: a positive float (a ReLU output is never negative)
            int positive = (int) ((0L - Float.floatToRawIntBits(o[i])) >> 63);
            g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & positive);
        }
        preGradientNio.put(from, g, from, to - from);
    }
}
