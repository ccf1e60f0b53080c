package org.vaenodes.engine.train;

/** Training stopped because the caller asked it to. */
public class TrainingCanceledException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrainingCanceledException(int iteration) {
        super("Training canceled after " + iteration + " iterations");
    }
}
