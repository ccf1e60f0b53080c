package org.vaenodes.engine.net;

/**
 * Seeds derived from (seed, stream, index), for randomness whose position must survive a save: a run that
 * continues at iteration i draws the same batches, ε and dropout masks as one that never stopped, because each
 * iteration's generators are seeded from the iteration number instead of continuing a generator whose state
 * cannot be saved ({@link java.util.SplittableRandom}'s). The mixing is SplitMix64's finalizer (Steele, Lea and
 * Flood 2014), applied per argument so that neighbouring streams and indices give unrelated seeds.
 */
public final class RandomStreams {

    /** SplitMix64's increment, the odd integer nearest 2^64/φ. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /** A seed for item {@code index} of stream {@code stream} of the generator family {@code base}. */
    public static long seed(long base, long stream, long index) {
        return mix64(mix64(mix64(base) + stream * GOLDEN_GAMMA) + index * GOLDEN_GAMMA);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
