package org.vaenodes.engine.train;

import org.vaenodes.engine.model.VaeModel;

/** A trained model and its per-iteration loss history (index = iteration). */
public record TrainingResult(VaeModel model, double[] loss, double[] reconstruction, double[] kl,
        double[] elapsedSeconds) {

    public int iterations() {
        return loss.length;
    }
}
