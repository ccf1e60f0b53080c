package org.vaenodes.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.net.RandomStreams;

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
        int values = config.imageValues();
        shown = Math.min(TrainingSnapshot.IMAGES, pool.size());
        int[] pick = RowSplit.permutation(pool.size(), shownSeed);
        inputs = new float[shown * values];
        for (int i = 0; i < shown; i++) {
            pool.copyImage(pick[i], inputs, i * values);
        }
        latent = new float[TrainingSnapshot.SAMPLES * config.latentSize()];
        SplittableRandom random = new SplittableRandom(sampleSeed);
        for (int i = 0; i < latent.length; i++) {
            latent[i] = (float) random.nextGaussian();
        }
    }

    /** Validation rows evaluated between two polls of the cancel request. */
    static final int EVALUATION_SLICE = 4 * VaeModel.INFERENCE_BATCH;

    /** @param canceled polled between slices of the validation rows, which may take a while to evaluate */
    TrainingSnapshot take(DirectVaeStep step, int iteration, double loss, double reconstruction, double kl,
            long startNanos, BooleanSupplier canceled) throws TrainingCanceledException {
        long t0 = System.nanoTime();
        int c = config.channels();
        int h = config.height();
        int w = config.width();
        try (VaeModel model = new VaeModel(config, step.copyParameters(), iteration + 1, loss)) {
            float[] rebuilt = model.reconstruct(inputs, shown);
            float[] samples = model.decode(latent, TrainingSnapshot.SAMPLES);
            VaeModel.Evaluation v = validation == null ? null : evaluate(model, iteration, canceled);
            byte[] comparison = PngImages.toPngBytes(ImageGrids.comparison(inputs, rebuilt, shown, c, h, w,
                    TrainingSnapshot.COLUMNS));
            byte[] sampled = PngImages.toPngBytes(ImageGrids.tiles(samples, TrainingSnapshot.SAMPLES, c, h, w,
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

    /**
     * The mean loss over the validation rows, slice by slice (each slice's ε from its own seed, the same at every
     * snapshot), so that a cancel request is seen within a slice's time.
     */
    private VaeModel.Evaluation evaluate(VaeModel model, int iteration, BooleanSupplier canceled)
            throws TrainingCanceledException {
        int n = validation.size();
        double loss = 0;
        double rec = 0;
        double kl = 0;
        for (int first = 0, slice = 0; first < n; first += EVALUATION_SLICE, slice++) {
            if (canceled.getAsBoolean()) {
                throw new TrainingCanceledException(iteration + 1);
            }
            int count = Math.min(EVALUATION_SLICE, n - first);
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = first + i;
            }
            VaeModel.Evaluation e = model.evaluate(new RowSplit.Rows(validation, rows),
                    RandomStreams.seed(validationEpsilonSeed, 0, slice));
            loss += e.loss() * count;
            rec += e.reconstruction() * count;
            kl += e.kl() * count;
        }
        return new VaeModel.Evaluation(loss / n, rec / n, kl / n, n);
    }
}
