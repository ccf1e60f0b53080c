package org.vaenodes.engine.train;

import java.util.Arrays;

/**
 * The loss history of a run in bounded memory: every iteration up to {@link #DEFAULT_CAPACITY} rows, then evenly
 * spaced ones. When the rows are full, every second one is dropped and from then on only every second
 * iteration is kept (so the spacing doubles each time); the last iteration is always kept. A run of 500 million
 * iterations thus keeps at most {@value #DEFAULT_CAPACITY} + 1 rows, ~4 MB, instead of 16 GB. Whoever needs
 * every iteration gets them from {@link TrainingListener} as they happen.
 */
public final class LossHistory {

    /** Rows kept before thinning starts: every iteration of runs up to this length (the seed model runs 30,000). */
    public static final int DEFAULT_CAPACITY = 100_000;

    /**
     * Heap bytes the history of a run of {@code iterations} takes at most with the default capacity: an int and
     * four doubles per row, rows allocated from 1,024 on and doubled (old and new arrays while growing).
     */
    public static long bytes(int iterations) {
        long rows = Math.max(1024, Math.min(iterations, DEFAULT_CAPACITY) + 1L);
        return 2 * rows * (Integer.BYTES + 4L * Double.BYTES);
    }

    private final int capacity;
    private int[] iteration;
    private double[] loss;
    private double[] reconstruction;
    private double[] kl;
    private double[] elapsed;
    private int rows;
    private int spacing = 1;
    /** The newest iteration seen, kept aside when the spacing skips it, so the last one can be added. */
    private int lastIteration = -1;
    private double lastLoss;
    private double lastReconstruction;
    private double lastKl;
    private double lastElapsed;

    public LossHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity rows kept before thinning, at least 2 */
    public LossHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        }
        this.capacity = capacity;
        int initial = Math.min(capacity, 1024);
        iteration = new int[initial];
        loss = new double[initial];
        reconstruction = new double[initial];
        kl = new double[initial];
        elapsed = new double[initial];
    }

    /** Records iteration {@code it}; iterations must come in increasing order, starting at 0. */
    public void add(int it, double lossValue, double reconstructionValue, double klValue, double elapsedSeconds) {
        if (it <= lastIteration) {
            throw new IllegalArgumentException("iteration " + it + " after " + lastIteration);
        }
        lastIteration = it;
        lastLoss = lossValue;
        lastReconstruction = reconstructionValue;
        lastKl = klValue;
        lastElapsed = elapsedSeconds;
        if (it % spacing != 0) {
            return;
        }
        if (rows == capacity) {
            thin();
            if (it % spacing != 0) {
                return;
            }
        }
        append(it, lossValue, reconstructionValue, klValue, elapsedSeconds);
    }

    /** Keeps the rows whose iteration is a multiple of twice the spacing (row 0 is iteration 0). */
    private void thin() {
        spacing *= 2;
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            if (iteration[r] % spacing == 0) {
                iteration[kept] = iteration[r];
                loss[kept] = loss[r];
                reconstruction[kept] = reconstruction[r];
                kl[kept] = kl[r];
                elapsed[kept] = elapsed[r];
                kept++;
            }
        }
        rows = kept;
    }

    private void append(int it, double l, double r, double k, double e) {
        if (rows == iteration.length) {
            int grown = (int) Math.min(capacity + 1L, 2L * rows);
            iteration = Arrays.copyOf(iteration, grown);
            loss = Arrays.copyOf(loss, grown);
            reconstruction = Arrays.copyOf(reconstruction, grown);
            kl = Arrays.copyOf(kl, grown);
            elapsed = Arrays.copyOf(elapsed, grown);
        }
        iteration[rows] = it;
        loss[rows] = l;
        reconstruction[rows] = r;
        kl[rows] = k;
        elapsed[rows] = e;
        rows++;
    }

    /** The kept rows, the newest iteration included even where the spacing skipped it. */
    public TrainingResult.Rows rows() {
        int n = rows;
        boolean addLast = lastIteration >= 0 && (n == 0 || iteration[n - 1] != lastIteration);
        int total = addLast ? n + 1 : n;
        int[] its = Arrays.copyOf(iteration, total);
        double[] l = Arrays.copyOf(loss, total);
        double[] r = Arrays.copyOf(reconstruction, total);
        double[] k = Arrays.copyOf(kl, total);
        double[] e = Arrays.copyOf(elapsed, total);
        if (addLast) {
            its[n] = lastIteration;
            l[n] = lastLoss;
            r[n] = lastReconstruction;
            k[n] = lastKl;
            e[n] = lastElapsed;
        }
        return new TrainingResult.Rows(its, l, r, k, e);
    }

    /** Iterations between kept rows now: 1 until the capacity was first reached. */
    public int spacing() {
        return spacing;
    }
}
