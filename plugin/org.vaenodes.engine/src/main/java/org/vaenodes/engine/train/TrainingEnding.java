package org.vaenodes.engine.train;

import java.util.Locale;

/**
 * Why a run ended and which iteration's parameters the model holds, for a warning or a log line.
 *
 * @param iterationsDone iterations trained when it ended (counted from the start of training, resumed runs
 *        included)
 * @param plannedIterations where the run would have ended without an early stop
 * @param modelIterations the iterations the returned model has had: {@code iterationsDone}, or with early stopping
 *        those of the best evaluation
 * @param bestValidationLoss the best validation loss seen; NaN when none was evaluated
 */
public record TrainingEnding(Reason reason, int iterationsDone, int plannedIterations, int modelIterations,
        double bestValidationLoss) {

    public enum Reason {
        /** All planned iterations ran. */
        COMPLETED,
        /** {@link TrainingControl#requestStop()} was called. */
        STOPPED,
        /** The run's time limit passed. */
        TIME_LIMIT,
        /** The validation loss stopped improving. */
        EARLY_STOPPING
    }

    /** Whether the run ended before its planned iterations. */
    public boolean early() {
        return reason != Reason.COMPLETED;
    }

    /** One sentence, e.g. "Training stopped by the user after 1200 of 30000 iterations; the model is that of iteration 1200." */
    public String message() {
        String model = modelIterations == iterationsDone ? "the model is the one after them"
                : String.format(Locale.ROOT, "the model is the one after iteration %d, the best validation loss (%.6g)",
                        modelIterations, bestValidationLoss);
        return switch (reason) {
            case COMPLETED -> String.format(Locale.ROOT, "Training completed %d iterations; %s.", iterationsDone, model);
            case STOPPED -> String.format(Locale.ROOT, "Training stopped by the user after %d of %d iterations; %s.",
                    iterationsDone, plannedIterations, model);
            case TIME_LIMIT -> String.format(Locale.ROOT,
                    "Training reached its time limit after %d of %d iterations; %s.", iterationsDone, plannedIterations,
                    model);
            case EARLY_STOPPING -> String.format(Locale.ROOT,
                    "Early stopping after %d of %d iterations: the validation loss stopped improving; %s.",
                    iterationsDone, plannedIterations, model);
        };
    }
}
