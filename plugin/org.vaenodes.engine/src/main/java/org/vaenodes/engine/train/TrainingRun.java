package org.vaenodes.engine.train;

import java.time.Duration;
import java.util.Locale;

/**
 * How one call of {@link VaeTrainer} runs, beside the {@link org.vaenodes.engine.model.VaeConfig} (which says what
 * is trained and with which optimizer settings, and stays what the model file stores): when to stop early, which
 * share of the rows to hold out for validation, and how often to take a {@link TrainingSnapshot}.
 *
 * @param timeLimit stop (keeping the model) once this much time has passed; null for no limit
 * @param validationShare the share of the rows held out for validation, in [0, {@value #MAX_VALIDATION_SHARE}]; the
 *        split is drawn from the config's seed, so the same seed and data give the same rows
 * @param earlyStopping stop when the validation loss stops improving; null for never (needs a validation share and
 *        snapshots)
 * @param snapshotEvery take a snapshot (and evaluate the validation rows) after iteration 0, N, 2N, … and after
 *        the last iteration; 0 for none
 *
 * <p>Every combination is checked when built, so set the validation share and the snapshot interval before early
 * stopping (or pass all four to the constructor).
 */
public record TrainingRun(Duration timeLimit, double validationShare, EarlyStopping earlyStopping, int snapshotEvery) {

    /** The seed's interval: it printed the loss and showed its pictures every 3000 iterations. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 3000;
    /** At least half of the rows stay for training. */
    public static final double MAX_VALIDATION_SHARE = 0.5;

    /** Snapshots every {@value #DEFAULT_SNAPSHOT_EVERY} iterations, no validation, no early end. */
    public static final TrainingRun DEFAULT = new TrainingRun(null, 0, null, DEFAULT_SNAPSHOT_EVERY);
    /** Nothing but the iterations: no snapshots, no validation, no early end (what {@code train} without a run does). */
    public static final TrainingRun PLAIN = new TrainingRun(null, 0, null, 0);

    /**
     * Stop when the validation loss has not fallen by more than {@code minDelta} below its best for {@code patience}
     * evaluations in a row; the run then returns the parameters of the best evaluation.
     *
     * @param patience evaluations (snapshots) without improvement before stopping, at least 1
     * @param minDelta the smallest fall of the validation loss that counts as an improvement, at least 0
     */
    public record EarlyStopping(int patience, double minDelta) {
        public EarlyStopping {
            if (patience < 1) {
                throw new IllegalArgumentException("Early stopping patience must be at least 1 evaluation, was "
                        + patience);
            }
            if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
                throw new IllegalArgumentException("Early stopping minimum improvement must be a number of at least 0,"
                        + " was " + minDelta);
            }
        }
    }

    public TrainingRun {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("The time limit must be positive, was " + timeLimit);
        }
        if (!(validationShare >= 0 && validationShare <= MAX_VALIDATION_SHARE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The validation share must be between 0 and %s, was %s", MAX_VALIDATION_SHARE, validationShare));
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("Snapshot every N iterations must be 0 (off) or more, was "
                    + snapshotEvery);
        }
        if (earlyStopping != null && validationShare == 0) {
            throw new IllegalArgumentException("Early stopping watches the validation loss: set a validation share"
                    + " above 0 or turn early stopping off");
        }
        if (earlyStopping != null && snapshotEvery == 0) {
            throw new IllegalArgumentException("Early stopping evaluates at every snapshot: set snapshot every N"
                    + " iterations above 0 or turn early stopping off");
        }
    }

    public TrainingRun withTimeLimit(Duration limit) {
        return new TrainingRun(limit, validationShare, earlyStopping, snapshotEvery);
    }

    public TrainingRun withValidationShare(double share) {
        return new TrainingRun(timeLimit, share, earlyStopping, snapshotEvery);
    }

    public TrainingRun withEarlyStopping(EarlyStopping stopping) {
        return new TrainingRun(timeLimit, validationShare, stopping, snapshotEvery);
    }

    public TrainingRun withSnapshotEvery(int every) {
        return new TrainingRun(timeLimit, validationShare, earlyStopping, every);
    }
}
