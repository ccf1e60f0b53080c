package org.vaenodes.knime.nodes.learner.monitor;

/**
 * What a monitor view shows at one moment; immutable (the arrays are copies nobody else holds).
 *
 * @param phase where the run is
 * @param iterationsDone iterations finished so far
 * @param iterations iterations the run was set to
 * @param imagesPerSecond training throughput
 * @param elapsedSeconds seconds since training started
 * @param etaSeconds estimated seconds to the end, NaN when unknown or over
 * @param curves the loss curves
 * @param validationIterations iterations (trained so far) at which the validation loss was measured
 * @param validationLoss the validation losses, one per entry of {@code validationIterations}
 * @param snapshot the latest snapshot, null before the first
 * @param stopRequested whether someone asked training to stop and keep the model
 * @param message how the run ended (or why it stopped), null while it runs
 */
public record MonitorState(Phase phase, int iterationsDone, int iterations, double imagesPerSecond,
    double elapsedSeconds, double etaSeconds, Curves curves, int[] validationIterations, double[] validationLoss,
    SnapshotPictures snapshot, boolean stopRequested, String message) {

    /** Where a run is. */
    public enum Phase {
        /** nothing trained yet (or the node was reset) */
        IDLE,
        /** training */
        TRAINING,
        /** trained every iteration, or stopped by a criterion or the stop button, with a model */
        FINISHED,
        /** canceled or failed: no model */
        FAILED
    }

    /** Fraction of the iterations done, in [0, 1]. */
    public double fractionDone() {
        return iterations <= 0 ? 0 : Math.min(1, iterationsDone / (double)iterations);
    }
}
