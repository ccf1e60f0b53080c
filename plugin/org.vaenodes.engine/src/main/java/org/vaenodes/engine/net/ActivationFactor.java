package org.vaenodes.engine.net;

import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A (leaky) ReLU followed by inverted dropout, as one elementwise factor: {@code out = pre · factor} with
 * {@code factor = slope(pre) · mask}, slope 1 for positive inputs and {@code negativeSlope} otherwise, mask
 * 1/keep or 0. The same factor is the backward pass ({@code dPre = dOut · factor}), so a layer costs one Java
 * pass and one native multiply each way. libnd4j's leaky ReLU and its backward op ran at ~3 ns per element
 * here (4.8 ms forward and backward for the seed's first encoder layer, ~7 times its ReLU); with the mask
 * multiplications the five activations cost ~25 ms per iteration, this ~9 ms.
 *
 * <p>The mask comes from a seeded Java generator: ND4J's native random ops gave different masks on re-runs
 * with the same seed (small arrays, several threads). Each 64-bit draw decides four elements with 16 bits
 * each, so keep is applied at a resolution of 1/65,536 (0.8 becomes 0.800003), without branches.
 */
final class ActivationFactor implements Runnable {

    private final FloatBuffer preNio;
    private final FloatBuffer factorNio;
    private final float[] pre;
    private final float[] factor;
    private final float slope;
    private final int threshold;
    private final int positiveBits;
    private final int negativeBits;
    private final RandomGenerator random;

    /**
     * @param pre the pre-activation (read), contiguous
     * @param factor where the factor goes, same length
     * @param negativeSlope the slope for inputs ≤ 0: α for leaky ReLU, 0 for ReLU
     * @param keep the dropout keep probability; 1 for no dropout (then {@code random} may be null)
     */
    ActivationFactor(INDArray pre, INDArray factor, float negativeSlope, float keep, RandomGenerator random) {
        if (pre.length() != factor.length()) {
            throw new IllegalArgumentException("pre-activation and factor differ in length");
        }
        this.preNio = NativeArrays.nio(pre);
        this.factorNio = NativeArrays.nio(factor);
        this.pre = new float[Math.toIntExact(pre.length())];
        this.factor = new float[this.pre.length];
        this.slope = negativeSlope;
        this.random = keep < 1 ? random : null;
        this.threshold = Math.round(keep * 65536f);
        this.positiveBits = Float.floatToRawIntBits(1f / keep);
        this.negativeBits = Float.floatToRawIntBits(negativeSlope / keep);
    }

    @Override
    public void run() {
        preNio.get(0, pre);
        float[] x = pre;
        float[] v = factor;
        if (random == null) {
            for (int i = 0; i < v.length; i++) {
                v[i] = x[i] > 0 ? 1f : slope;
            }
        } else {
            int full = v.length & ~3;
            for (int i = 0; i < full; i += 4) {
                long bits = random.nextLong();
                v[i] = element(x[i], bits);
                v[i + 1] = element(x[i + 1], bits >>> 16);
                v[i + 2] = element(x[i + 2], bits >>> 32);
                v[i + 3] = element(x[i + 3], bits >>> 48);
            }
            if (full < v.length) {
                long bits = random.nextLong();
                for (int i = full; i < v.length; i++, bits >>>= 16) {
                    v[i] = element(x[i], bits);
                }
            }
        }
        factorNio.put(0, v);
    }

    /** slope/keep if the low 16 bits fall below the threshold (kept), else 0, chosen without a branch on them. */
    private float element(float x, long bits) {
        int kept = ((int) (bits & 0xFFFF) - threshold) >> 31; // all ones if kept, else 0
        return Float.intBitsToFloat((x > 0 ? positiveBits : negativeBits) & kept);
    }
}
