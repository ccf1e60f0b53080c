package org.vaenodes.knime.nodes.learner.monitor;

/**
 * The training curves a view draws: point i is iteration {@code iteration[i]} (zero-based, increasing); all
 * arrays have the same length. The smoothed values are an exponential moving average of the raw ones
 * ({@link TrainingMonitor#SMOOTHING}), computed over every iteration, not only the kept points.
 */
public record Curves(int[] iteration, double[] loss, double[] reconstruction, double[] kl, double[] lossSmoothed,
    double[] reconstructionSmoothed, double[] klSmoothed) {

    static final Curves EMPTY = new Curves(new int[0], new double[0], new double[0], new double[0], new double[0],
        new double[0], new double[0]);

    public Curves {
        int n = iteration.length;
        for (double[] a : new double[][]{loss, reconstruction, kl, lossSmoothed, reconstructionSmoothed,
            klSmoothed}) {
            if (a.length != n) {
                throw new IllegalArgumentException("curve arrays differ in length: " + a.length + " and " + n);
            }
        }
    }

    public int size() {
        return iteration.length;
    }
}
