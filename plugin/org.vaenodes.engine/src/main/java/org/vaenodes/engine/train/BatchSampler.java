package org.vaenodes.engine.train;

import java.util.SplittableRandom;

/**
 * Mini-batches without replacement within an epoch: the indices are shuffled, handed out a batch at a time,
 * and reshuffled when fewer than a batch remain (like the seed's {@code mnist.train.next_batch}).
 */
final class BatchSampler {

    private final int[] order;
    private final int batchSize;
    private final SplittableRandom random;
    private int position;

    BatchSampler(int size, int batchSize, SplittableRandom random) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException("batch size " + batchSize + " for " + size + " images");
        }
        this.order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        this.batchSize = batchSize;
        this.random = random;
        shuffle();
    }

    int batchSize() {
        return batchSize;
    }

    int[] next() {
        if (position + batchSize > order.length) {
            shuffle();
        }
        int[] batch = new int[batchSize];
        System.arraycopy(order, position, batch, 0, batchSize);
        position += batchSize;
        return batch;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }
}
