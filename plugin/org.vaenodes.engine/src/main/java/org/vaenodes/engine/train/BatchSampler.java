package org.vaenodes.engine.train;

import java.util.SplittableRandom;

import org.vaenodes.engine.net.RandomStreams;

/**
 * Mini-batches without replacement within an epoch (like the seed's {@code mnist.train.next_batch}): each epoch is
 * a fresh permutation of the images, handed out a batch at a time; the images left over when fewer than a batch
 * remain are skipped. The permutation of epoch e is drawn from (seed, e) alone, so {@link #batchAt} of an iteration
 * is the same whether a run got there in one go or continued from a saved model.
 */
final class BatchSampler {

    private final int[] order;
    private final int batchSize;
    private final long seed;
    private final long batchesPerEpoch;
    private long epoch = -1;

    BatchSampler(int size, int batchSize, long seed) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException("batch size " + batchSize + " for " + size + " images");
        }
        this.order = new int[size];
        this.batchSize = batchSize;
        this.seed = seed;
        this.batchesPerEpoch = size / batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    /** The image indices of training iteration {@code iteration} (zero-based). */
    int[] batchAt(long iteration) {
        long e = iteration / batchesPerEpoch;
        if (e != epoch) {
            shuffle(e);
        }
        int position = (int) (iteration % batchesPerEpoch) * batchSize;
        int[] batch = new int[batchSize];
        System.arraycopy(order, position, batch, 0, batchSize);
        return batch;
    }

    private void shuffle(long e) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(RandomStreams.seed(seed, 0, e));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        epoch = e;
    }
}
