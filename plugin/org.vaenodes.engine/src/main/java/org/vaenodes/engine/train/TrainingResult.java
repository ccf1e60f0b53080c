package org.vaenodes.engine.train;

import java.util.List;

import org.vaenodes.engine.model.VaeModel;

/**
 * A trained model and its loss history. The history has one row per iteration for runs of up to
 * {@link LossHistory#DEFAULT_CAPACITY} iterations, and evenly spaced rows plus the last iteration for longer
 * ones (see {@link LossHistory}); {@link Rows#iteration()} says which iteration each row is.
 *
 * @param iterations how many iterations were trained in all (resumed runs: the earlier ones included)
 * @param ending why the run ended and which iteration the model is from
 * @param notes things the user should know about the run, one sentence each (e.g. that Adam restarted because
 *        the model to continue had no optimizer state); empty for none
 */
public record TrainingResult(VaeModel model, int iterations, Rows history, TrainingEnding ending, List<String> notes) {

    public TrainingResult {
        notes = List.copyOf(notes);
    }

    /** A run that completed all its iterations. */
    public TrainingResult(VaeModel model, int iterations, Rows history) {
        this(model, iterations, history, new TrainingEnding(TrainingEnding.Reason.COMPLETED, iterations, iterations,
                iterations, Double.NaN), List.of());
    }

    /** Row i is iteration {@code iteration[i]} (zero-based); the arrays have equal length. */
    public record Rows(int[] iteration, double[] loss, double[] reconstruction, double[] kl, double[] elapsedSeconds) {
        public int size() {
            return iteration.length;
        }
    }

    /** Losses of the kept rows, in row order. */
    public double[] loss() {
        return history.loss();
    }

    public double[] reconstruction() {
        return history.reconstruction();
    }

    public double[] kl() {
        return history.kl();
    }

    public double[] elapsedSeconds() {
        return history.elapsedSeconds();
    }

    /** The iteration of each kept row. */
    public int[] iteration() {
        return history.iteration();
    }
}
