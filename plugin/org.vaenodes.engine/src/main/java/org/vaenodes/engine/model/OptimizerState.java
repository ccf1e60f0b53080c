package org.vaenodes.engine.model;

/**
 * What training needs beyond the weights to continue exactly where it stopped: Adam's first and second moments
 * of every parameter and its step count. The moments are flat arrays of the parameter count in the order of the
 * training buffer ({@code org.vaenodes.engine.net.Parameters}, layout {@value #LAYOUT}), not in the model's
 * per-parameter layout, and live on the Java heap: a model used only for inference never moves them to native
 * memory. The random streams need no state of their own: each iteration's batch order, ε and dropout masks are
 * derived from (seed, stream, iteration), so the iteration count is their position.
 *
 * @param firstMoments Adam's m, one per parameter (not copied: nobody changes them)
 * @param secondMoments Adam's v, one per parameter, each ≥ 0
 * @param adamIteration Adam's step count: the next update is step {@code adamIteration} (bias correction)
 */
public record OptimizerState(float[] firstMoments, float[] secondMoments, int adamIteration) {

    /** Names the flat order of the moments; a file with another layout would resume wrongly, so it is refused. */
    public static final String LAYOUT = "parameters-flat-1";
    /** Names how the random streams are positioned: derived from (seed, stream, iteration). */
    public static final String RANDOM_STREAMS = "seed-stream-iteration-1";

    public OptimizerState {
        if (firstMoments.length != secondMoments.length) {
            throw new IllegalArgumentException("Adam's moments differ in length: " + firstMoments.length + " and "
                    + secondMoments.length);
        }
        if (adamIteration < 0) {
            throw new IllegalArgumentException("Adam's step count is negative: " + adamIteration);
        }
    }

    public long parameterCount() {
        return firstMoments.length;
    }
}
