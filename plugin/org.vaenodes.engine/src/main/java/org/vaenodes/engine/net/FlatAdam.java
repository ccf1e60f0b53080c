package org.vaenodes.engine.net;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam over the flat parameter buffer of {@link Parameters}, in one pass that reads each gradient, moment and
 * weight once and writes each moment and weight once, split over the cores ({@link ParallelRanges}). It
 * computes what ND4J's Adam updater followed by {@code values -= update} computes (same float formula, in the
 * same order): {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²},
 * {@code w ← w − m·α_t / (√v + ε)} with {@code α_t = lr·√(1−β2^t)/(1−β1^t)}. That pair of native ops took
 * 24 ms per step for the seed model's 9.9 M parameters here (its square root and division ran one element at
 * a time) and a second pass for the subtraction; this takes less (see the README's Performance section).
 *
 * <p>The moments live in one native array, m then v (ND4J's updater-state layout, so model files and
 * {@link org.vaenodes.engine.model.OptimizerState} are unchanged). The gradient buffer is only read.
 */
public final class FlatAdam {

    /** Its name in the per-op profile ({@link Steps}). */
    public static final String LAYER = "Adam (all parameters)";

    /** Elements per block: the four arrays' blocks stay in a core's L2 cache between reading and writing. */
    private static final int BLOCK = 8192;

    private final FloatBuffer values;
    private final FloatBuffer gradients;
    private final FloatBuffer moments;
    private final int n;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final ThreadLocal<float[][]> blocks = ThreadLocal.withInitial(() -> new float[4][BLOCK]);
    private final Steps pass = new Steps(LAYER).java("update", this::update);
    private float stepSize;
    private float flushBelow;

    /**
     * @param params the parameters with gradients
     * @param state 2·n floats, first moments then second moments, contiguous
     */
    public FlatAdam(Parameters params, INDArray state, double learningRate, double beta1, double beta2,
            double epsilon) {
        this.n = Math.toIntExact(params.values().length());
        if (params.gradients() == null) {
            throw new IllegalArgumentException("Adam needs the parameters' gradients");
        }
        if (state.offset() != 0 || state.length() != 2L * n) {
            throw new IllegalArgumentException("Adam's state must be one array of 2·" + n + " moments, not "
                    + state.length());
        }
        this.values = params.valuesNio();
        this.gradients = params.gradientsNio();
        this.moments = state.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        this.learningRate = (float) learningRate;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }

    /**
     * One step; {@code iteration} counts from 0 as ND4J's does (the bias correction uses t = iteration + 1).
     * With {@code flushBelow > 0} moments smaller in magnitude are set to 0 first (see DirectVaeStep).
     */
    public void apply(int iteration, float flushBelow) {
        float b1t = (float) Math.pow(beta1, iteration + 1);
        float b2t = (float) Math.pow(beta2, iteration + 1);
        float alpha = learningRate * (float) Math.sqrt(1f - b2t) / (1f - b1t);
        if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0) {
            alpha = epsilon; // what ND4J falls back to when the correction is not finite
        }
        stepSize = alpha;
        this.flushBelow = flushBelow;
        pass.run();
    }

    private void update() {
        float alpha = stepSize;
        float flush = flushBelow;
        ParallelRanges.run(n, BLOCK, (from, to) -> {
            float[][] b = blocks.get();
            for (int start = from; start < to; start += BLOCK) {
                block(start, Math.min(BLOCK, to - start), alpha, flush, b[0], b[1], b[2], b[3]);
            }
        });
    }

    private void block(int start, int len, float alpha, float flushBelow, float[] w, float[] g, float[] m,
            float[] v) {
        values.get(start, w, 0, len);
        gradients.get(start, g, 0, len);
        moments.get(start, m, 0, len);
        moments.get(n + start, v, 0, len);
        if (flushBelow > 0) {
            for (int i = 0; i < len; i++) {
                m[i] = Math.abs(m[i]) < flushBelow ? 0f : m[i];
                v[i] = Math.abs(v[i]) < flushBelow ? 0f : v[i];
            }
        }
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        float eps = epsilon;
        for (int i = 0; i < len; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + gi * c1;
            float vi = b2 * v[i] + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps);
        }
        values.put(start, w, 0, len);
        moments.put(start, m, 0, len);
        moments.put(n + start, v, 0, len);
    }
}
