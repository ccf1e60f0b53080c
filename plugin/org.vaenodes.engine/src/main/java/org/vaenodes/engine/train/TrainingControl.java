package org.vaenodes.engine.train;

/**
 * Lets another thread (a view's button, a signal handler) end a run early and keep its model: the trainer polls
 * {@link #stopRequested()} once per iteration, finishes normally with the parameters of the iterations done and
 * says so in {@link TrainingResult#ending()}. Cancelling (the trainer's {@code canceled} supplier) discards the run
 * instead. Thread-safe; one control per run.
 */
public final class TrainingControl {

    private volatile boolean stop;

    /** Asks the run to end after the iteration in progress, keeping the model. */
    public void requestStop() {
        stop = true;
    }

    public boolean stopRequested() {
        return stop;
    }
}
