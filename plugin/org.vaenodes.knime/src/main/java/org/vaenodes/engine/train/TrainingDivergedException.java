package org.vaenodes.engine.train;

import java.util.Locale;

/** The loss became NaN or infinite; the weights are no longer usable. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(int iteration, double loss, double learningRate) {
        super(String.format(Locale.ROOT, "Training diverged at iteration %d: the loss became %s. "
                + "Try a lower learning rate than %s (for example %s).", iteration, loss, learningRate,
                learningRate / 10));
    }
}
