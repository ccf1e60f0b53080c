package org.vaenodes.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.net.RandomStreams;

/**
 * The rows of a dataset split into training and validation rows: a share drawn from the seed (so the same seed
 * and data give the same split, and a continued run trains on the same rows), each part in the rows' order.
 */
final class RowSplit {

    final ImageDataset training;
    final ImageDataset validation;

    private RowSplit(ImageDataset training, ImageDataset validation) {
        this.training = training;
        this.validation = validation;
    }

    /** @param share in [0, 0.5]; 0 keeps every row for training and no validation rows */
    static RowSplit of(ImageDataset data, double share, long seed) {
        if (share == 0) {
            return new RowSplit(data, null);
        }
        int n = data.size();
        if (n < 2) {
            throw new IllegalArgumentException("A validation share needs at least 2 images, there are " + n
                    + "; set the validation share to 0");
        }
        int held = (int) Math.max(1, Math.min(n - 1L, Math.round(share * n)));
        int[] order = permutation(n, seed);
        int[] validation = Arrays.copyOf(order, held);
        int[] training = Arrays.copyOfRange(order, held, n);
        Arrays.sort(validation);
        Arrays.sort(training);
        return new RowSplit(new Rows(data, training), new Rows(data, validation));
    }

    /** A permutation of 0..n−1 drawn from (seed, stream). */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Some rows of a dataset, as a dataset. */
    static final class Rows implements ImageDataset {
        private final ImageDataset data;
        private final int[] rows;

        Rows(ImageDataset data, int[] rows) {
            this.data = data;
            this.rows = rows;
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public int height() {
            return data.height();
        }

        @Override
        public int width() {
            return data.width();
        }

        @Override
        public int channels() {
            return data.channels();
        }

        @Override
        public void copyImage(int index, float[] dst, int offset) {
            data.copyImage(rows[index], dst, offset);
        }

        /** The row of the underlying dataset that row {@code index} is. */
        int row(int index) {
            return rows[index];
        }
    }

    static long streamSeed(long seed, int stream) {
        return RandomStreams.seed(seed, stream, 0);
    }
}
