package org.vaenodes.engine.net;

/**
 * The random bits of one layer's dropout masks: SplitMix64 (what {@link java.util.SplittableRandom} computes, at
 * the same cost per draw), restartable at a derived seed so every iteration's masks depend only on
 * (seed, layer, iteration) ({@link VaeNetwork#startIteration}). SplitMix64's state only counts up by a constant,
 * so draw k is computable on its own ({@link #draw}) and a run's draws can be split between threads.
 */
final class DropoutBits {

    private final long base;
    private final int layer;
    private long state;

    DropoutBits(long base, int layer) {
        this.base = base;
        this.layer = layer;
        restart(0);
    }

    void restart(long iteration) {
        state = RandomStreams.seed(base, layer, iteration);
    }

    /** The next draw. */
    long nextLong() {
        return RandomStreams.mix64(state += RandomStreams.GOLDEN_GAMMA);
    }

    /** Where the stream stands, for {@link #draw}. */
    long position() {
        return state;
    }

    /** Moves past {@code draws} draws, as that many {@link #nextLong} calls would. */
    void skip(long draws) {
        state += draws * RandomStreams.GOLDEN_GAMMA;
    }

    /** Draw {@code k} (from 0) after {@code position}: what the (k+1)-th {@link #nextLong} call from there returns. */
    static long draw(long position, long k) {
        return RandomStreams.mix64(position + (k + 1) * RandomStreams.GOLDEN_GAMMA);
    }
}
