package org.vaenodes.engine.train;

import java.util.Locale;

/**
 * The loss became NaN or infinite; the weights are no longer usable. The message names the setting to change:
 * the learning rate, and the KL weight β where it is above the standard VAE's 1 — at iteration 0 no step has
 * been taken yet, so there the learning rate cannot be the cause at all.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(int iteration, double loss, double learningRate, double klWeight) {
        super(message(iteration, loss, learningRate, klWeight));
    }

    private static String message(int iteration, double loss, double learningRate, double klWeight) {
        String start = String.format(Locale.ROOT, "Training diverged at iteration %d: the loss became %s",
                iteration, loss);
        boolean largeBeta = klWeight > 1;
        if (iteration == 0) {
            String notLr = " before any training step, so the learning rate is not the cause";
            return largeBeta
                    ? String.format(Locale.ROOT, "%s%s: the KL weight β = %s is too large; try a much lower one "
                            + "(1 is the standard VAE).", start, notLr, klWeight)
                    : start + notLr + ": check the KL weight β and the reconstruction loss.";
        }
        String lr = String.format(Locale.ROOT, "a lower learning rate than %s (for example %s)", learningRate,
                learningRate / 10);
        return largeBeta
                ? String.format(Locale.ROOT, "%s. Try a lower KL weight β than %s (1 is the standard VAE) or %s.",
                        start, klWeight, lr)
                : start + ". Try " + lr + ".";
    }
}
