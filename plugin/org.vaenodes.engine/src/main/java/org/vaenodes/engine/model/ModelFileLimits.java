package org.vaenodes.engine.model;

import java.util.List;

/**
 * The bounds a model file is held to before anything in it is allocated. A model file comes from outside (a
 * colleague's workflow, a download), so every size in it is checked against what its configuration implies and
 * against these ceilings; they are far above what a VAE trained by VAE Nodes needs.
 */
public final class ModelFileLimits {

    /** {@code vae-model.properties} and {@code config.json} are a few hundred bytes; this leaves room for long layer lists. */
    public static final int MAX_TEXT_ENTRY_BYTES = 64 * 1024;

    /** Trainable values of one model: 2^30 floats are 4 GiB of native memory (the seed model has about 10 million). */
    public static final long MAX_PARAMETERS = 1L << 30;

    /**
     * Largest weight magnitude accepted. Trained weights are of order 1; a value beyond this comes from a diverged
     * or tampered model, and at 3e38 the first layer's sums already overflow float.
     */
    public static final double MAX_ABS_WEIGHT = 1e6;

    /**
     * Largest magnitude of an Adam moment accepted: far beyond any gradient (squared) of a trainable model, below
     * float's overflow, so a crafted file cannot smuggle infinities or NaN into the optimizer.
     */
    public static final double MAX_ABS_MOMENT = 1e30;

    /** JSON nesting of {@code config.json}: an object of numbers and lists is 2 deep. */
    static final int MAX_CONFIG_NESTING = 8;

    private ModelFileLimits() {
    }

    /**
     * Total number of values of {@code params}, computed with checked arithmetic.
     *
     * @throws InvalidConfigException naming the parameter when a dimension is not positive, or the total overflows
     *     or exceeds {@link #MAX_PARAMETERS}
     */
    static long parameterCount(List<VaeWeights.Param> params) {
        long total = 0;
        for (VaeWeights.Param p : params) {
            long n = 1;
            try {
                for (long d : p.shape()) {
                    if (d < 1) {
                        throw new InvalidConfigException("Parameter '" + p.name() + "' would have a dimension of " + d
                                + "; the layer sizes and strides do not fit together");
                    }
                    n = Math.multiplyExact(n, d);
                }
                total = Math.addExact(total, n);
            } catch (ArithmeticException e) {
                total = Long.MAX_VALUE;
            }
            if (total > MAX_PARAMETERS) {
                throw new InvalidConfigException("The configuration needs more than " + MAX_PARAMETERS
                        + " trainable values (at parameter '" + p.name() + "'), more than a VAE Nodes model may have");
            }
        }
        return total;
    }
}
