package org.vaenodes.engine.net;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A (leaky) ReLU followed by inverted dropout, as one elementwise factor: {@code out = pre · factor} with
 * {@code factor = slope(pre) · mask}, slope 1 for positive inputs and {@code negativeSlope} otherwise, mask
 * 1/keep or 0. The same factor is the backward pass ({@code dPre = dOut · factor}), so a layer costs one Java
 * pass forward, which also writes the product {@code out}, and one native multiply backward. libnd4j's leaky
 * ReLU and its backward op ran at ~3 ns per element here (4.8 ms forward and backward for the seed's first
 * encoder layer, ~7 times its ReLU); with the mask multiplications the five activations cost ~25 ms per
 * iteration, this ~9 ms on one core, ~7 ms on two.
 *
 * <p>The mask comes from {@link DropoutBits}: ND4J's native random ops gave different masks on re-runs with
 * the same seed (small arrays, several threads). Each 64-bit draw decides four elements with 16 bits each, so
 * keep is applied at a resolution of 1/65,536 (0.8 becomes 0.800003), without branches. Draw j of a run
 * decides elements 4j to 4j+3 whichever thread computes it ({@link ParallelRanges}), so the masks do not
 * depend on the number of threads.
 */
final class ActivationFactor implements Runnable {

    private final FloatBuffer preNio;
    private final FloatBuffer factorNio;
    private final FloatBuffer productNio;
    private final int length;
    private final float slope;
    private final int threshold;
    private final int positiveBits;
    private final int negativeBits;
    private final DropoutBits random;

    /**
     * @param pre the pre-activation (read), contiguous
     * @param factor where the factor goes, same length
     * @param negativeSlope the slope for inputs ≤ 0: α for leaky ReLU, 0 for ReLU
     * @param keep the dropout keep probability; 1 for no dropout (then {@code random} may be null)
     * @param product where {@code pre · factor} goes (may be {@code pre} itself), null for none
     */
    ActivationFactor(INDArray pre, INDArray factor, float negativeSlope, float keep, DropoutBits random,
            INDArray product) {
        if (pre.length() != factor.length() || (product != null && product.length() != pre.length())) {
            throw new IllegalArgumentException("pre-activation, factor and product differ in length");
        }
        this.preNio = NativeArrays.nio(pre);
        this.factorNio = NativeArrays.nio(factor);
        this.productNio = product == null ? null : NativeArrays.nio(product);
        this.length = Math.toIntExact(pre.length());
        this.slope = negativeSlope;
        this.random = keep < 1 ? random : null;
        this.threshold = Math.round(keep * 65536f);
        this.positiveBits = Float.floatToRawIntBits(1f / keep);
        this.negativeBits = Float.floatToRawIntBits(negativeSlope / keep);
    }

    @Override
    public void run() {
        if (random == null) {
            ParallelRanges.runChunks(length, 2, (c, n, b) -> chunk(c, n, b[0], b[1], false, 0));
            return;
        }
        long start = random.position();
        ParallelRanges.runChunks(length, 2, (c, n, b) -> chunk(c, n, b[0], b[1], true, start));
        random.skip((length + 3) / 4);
    }

    /**
     * Elements [c, c + n) through the buffers {@code x} (pre, then the product) and {@code v} (the factor); with
     * dropout, {@code start} is the run's stream position.
     */
    private void chunk(int c, int n, float[] x, float[] v, boolean dropout, long start) {
        preNio.get(c, x, 0, n);
        if (dropout) {
            masked(x, v, n, start, c);
        } else {
            slopes(x, v, n);
        }
        factorNio.put(c, v, 0, n);
        if (productNio != null) {
            for (int i = 0; i < n; i++) {
                x[i] *= v[i];
            }
            productNio.put(c, x, 0, n);
        }
    }

    private void slopes(float[] x, float[] v, int n) {
        int one = Float.floatToRawIntBits(1f);
        int other = Float.floatToRawIntBits(slope);
        for (int i = 0; i < n; i++) {
            v[i] = Float.intBitsToFloat(select(x[i], one, other));
        }
    }

    /**
     * The factors of a chunk's {@code n} elements, which start at element {@code first} of the layer (a
     * multiple of 4); draw j of the run, for elements 4j to 4j+3, is at stream position {@code start} + j.
     */
    private void masked(float[] x, float[] v, int n, long start, int first) {
        int full = n & ~3;
        long draw = first / 4;
        for (int i = 0; i < full; i += 4, draw++) {
            long bits = DropoutBits.draw(start, draw);
            v[i] = element(x[i], bits);
            v[i + 1] = element(x[i + 1], bits >>> 16);
            v[i + 2] = element(x[i + 2], bits >>> 32);
            v[i + 3] = element(x[i + 3], bits >>> 48);
        }
        if (full < n) {
            long bits = DropoutBits.draw(start, draw);
            for (int i = full; i < n; i++, bits >>>= 16) {
                v[i] = element(x[i], bits);
            }
        }
    }

    /** slope/keep if the low 16 bits fall below the threshold (kept), else 0, chosen without a branch. */
    private float element(float x, long bits) {
        int kept = ((int) (bits & 0xFFFF) - threshold) >> 31; // all ones if kept, else 0
        return Float.intBitsToFloat(select(x, positiveBits, negativeBits) & kept);
    }

    /**
     * {@code ifPositive} for x > 0, else {@code otherwise} (also for ±0; a NaN with the sign bit clear counts as
     * positive), by bit arithmetic: the signs of pre-activations are a coin toss, and a branch on them was
     * mispredicted half the time (~3 ns per element, most of this pass).
     */
    static int select(float x, int ifPositive, int otherwise) {
        int positive = (int) ((0L - Float.floatToRawIntBits(x)) >> 63); // all ones iff the bits, as an int, are > 0
        return otherwise ^ ((ifPositive ^ otherwise) & positive);
    }
}
