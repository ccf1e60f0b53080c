package org.vaenodes.knime.nodes.learner.monitor;

/**
 * One training snapshot as the view shows it: a PNG of a fixed set of inputs above their reconstructions and a
 * PNG of images decoded from a fixed set of latent points.
 *
 * @param iteration the number of iterations trained when it was taken
 * @param trainingLoss the training loss then
 * @param validationLoss the validation loss then (dropout off), NaN without validation
 */
public record SnapshotPictures(int iteration, double trainingLoss, double validationLoss, byte[] reconstructionsPng,
    byte[] samplesPng) {

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
