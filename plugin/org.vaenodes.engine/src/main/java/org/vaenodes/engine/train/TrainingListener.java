package org.vaenodes.engine.train;

/**
 * Receives every finished iteration and every snapshot, on the training thread; keep it quick (hand the values to
 * another thread for anything slow: they are immutable).
 */
@FunctionalInterface
public interface TrainingListener {
    void iterationDone(TrainingProgress progress);

    /** A snapshot was taken (see {@link TrainingRun#snapshotEvery()}); by default ignored. */
    default void snapshotTaken(TrainingSnapshot snapshot) {
    }

    TrainingListener NONE = p -> { };
}
