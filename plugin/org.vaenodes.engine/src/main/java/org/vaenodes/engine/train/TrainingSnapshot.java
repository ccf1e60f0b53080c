package org.vaenodes.engine.train;

/**
 * What the run looked like after one iteration (as the seed printed and showed every 3000 iterations): the losses
 * and two PNG pictures. The inputs shown and the latent vectors decoded are chosen once from the config's seed, so
 * a series of snapshots shows the same digits improving. Immutable apart from the PNG arrays, which nobody changes.
 *
 * @param iteration the zero-based iteration after which it was taken
 * @param trainingLoss the loss of that iteration's batch (with dropout), likewise its reconstruction and KL terms
 * @param validationLoss the mean loss over the validation rows, dropout off; NaN without validation rows
 * @param reconstructionsPng rows of fixed inputs, each above the row of their reconstructions (through the mean)
 * @param samplesPng images decoded from a fixed set of z ~ N(0, I)
 * @param elapsedSeconds seconds since the run started, the snapshot included
 * @param costSeconds what taking this snapshot took (the validation loss and both pictures), to weigh against the
 *        iterations between snapshots
 */
public record TrainingSnapshot(int iteration, double trainingLoss, double trainingReconstruction, double trainingKl,
        double validationLoss, double validationReconstruction, double validationKl, byte[] reconstructionsPng,
        byte[] samplesPng, double elapsedSeconds, double costSeconds) {

    /** Inputs shown with their reconstructions (fewer when there are fewer rows to pick from). */
    public static final int IMAGES = 16;
    /** Images decoded from the fixed latent vectors. */
    public static final int SAMPLES = 16;
    /** Images per row in both pictures. */
    public static final int COLUMNS = 8;

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
