package org.vaenodes.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;

/**
 * Takes the {@link TrainingSnapshot}s of a run: the same inputs (a seeded pick of the validation rows, or of the
 * training rows without validation) and the same latent vectors every time, run through a model of the current
 * parameters without dropout. Only snapshot iterations pay for it.
 */
final class Snapshots {

    private final VaeConfig config;
    private final ImageDataset validation;
    private final long validationEpsilonSeed;
    private final float[] inputs;
    private final int shown;
    private final float[] latent;

    /**
     * @param pool the rows the shown inputs are picked from
     * @param validation the validation rows, null for none
     */
    Snapshots(VaeConfig config, ImageDataset pool, ImageDataset validation, long shownSeed, long sampleSeed,
            long validationEpsilonSeed) {
        this.config = config;
        this.validation = validation;
        this.validationEpsilonSeed = validationEpsilonSeed;
        int pixels = config.pixels();
        shown = Math.min(TrainingSnapshot.IMAGES, pool.size());
        int[] pick = RowSplit.permutation(pool.size(), shownSeed);
        inputs = new float[shown * pixels];
        for (int i = 0; i < shown; i++) {
            pool.copyImage(pick[i], inputs, i * pixels);
        }
        latent = new float[TrainingSnapshot.SAMPLES * config.latentSize()];
        SplittableRandom random = new SplittableRandom(sampleSeed);
        for (int i = 0; i < latent.length; i++) {
            latent[i] = (float) random.nextGaussian();
        }
    }

    TrainingSnapshot take(DirectVaeStep step, int iteration, double loss, double reconstruction, double kl,
            long startNanos) {
        long t0 = System.nanoTime();
        int h = config.height();
        int w = config.width();
        try (VaeModel model = new VaeModel(config, step.copyParameters(), iteration + 1, loss)) {
            float[] rebuilt = model.reconstruct(inputs, shown);
            float[] samples = model.decode(latent, TrainingSnapshot.SAMPLES);
            VaeModel.Evaluation v = validation == null ? null : model.evaluate(validation, validationEpsilonSeed);
            byte[] comparison = PngImages.toPngBytes(ImageGrids.comparison(inputs, rebuilt, shown, h, w,
                    TrainingSnapshot.COLUMNS));
            byte[] sampled = PngImages.toPngBytes(ImageGrids.tiles(samples, TrainingSnapshot.SAMPLES, h, w,
                    TrainingSnapshot.COLUMNS));
            long now = System.nanoTime();
            double elapsed = (now - startNanos) / 1e9;
            return new TrainingSnapshot(iteration, loss, reconstruction, kl, v == null ? Double.NaN : v.loss(),
                    v == null ? Double.NaN : v.reconstruction(), v == null ? Double.NaN : v.kl(), comparison, sampled,
                    elapsed, (now - t0) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a snapshot's pictures as PNG", e);
        }
    }
}
