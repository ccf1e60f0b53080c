package org.vaenodes.engine.net;

import java.util.random.RandomGenerator;

/**
 * The random bits of one layer's dropout masks: SplitMix64 (what {@link java.util.SplittableRandom} computes, at
 * the same cost per draw), restartable at a derived seed so every iteration's masks depend only on
 * (seed, layer, iteration) ({@link VaeNetwork#startIteration}).
 */
final class DropoutBits implements RandomGenerator {

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

    @Override
    public long nextLong() {
        return RandomStreams.mix64(state += RandomStreams.GOLDEN_GAMMA);
    }
}
