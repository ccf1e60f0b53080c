package org.vaenodes.engine.train;

/**
 * What one finished training iteration reports. Losses are means over the iteration's batch, with dropout.
 *
 * @param iteration zero-based index of the finished iteration
 * @param iterations the iteration count at which this run ends (resumed runs: the earlier ones included)
 * @param loss reconstruction + β·KL
 * @param reconstruction the reconstruction term
 * @param kl the KL divergence term (before β)
 * @param imagesPerSecond training throughput since the run started, first iteration excluded
 * @param elapsedSeconds seconds since the run started
 * @param etaSeconds estimated seconds until the run ends
 * @param firstIteration the iteration this run started at: 0, or the iterations a resumed model had had
 */
public record TrainingProgress(int iteration, int iterations, double loss, double reconstruction, double kl,
        double imagesPerSecond, double elapsedSeconds, double etaSeconds, int firstIteration) {

    /** A run that started at iteration 0. */
    public TrainingProgress(int iteration, int iterations, double loss, double reconstruction, double kl,
            double imagesPerSecond, double elapsedSeconds, double etaSeconds) {
        this(iteration, iterations, loss, reconstruction, kl, imagesPerSecond, elapsedSeconds, etaSeconds, 0);
    }

    /** Fraction of this run done, in (0, 1]. */
    public double fractionDone() {
        return (iteration + 1 - firstIteration) / (double) (iterations - firstIteration);
    }

    /** ETA as m:ss (or h:mm:ss). */
    public String etaText() {
        long s = Math.max(0, Math.round(etaSeconds));
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
