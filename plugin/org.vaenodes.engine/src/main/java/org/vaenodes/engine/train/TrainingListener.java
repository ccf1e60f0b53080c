package org.vaenodes.engine.train;

/** Receives every finished iteration, on the training thread; keep it quick. */
@FunctionalInterface
public interface TrainingListener {
    void iterationDone(TrainingProgress progress);

    TrainingListener NONE = p -> { };
}
