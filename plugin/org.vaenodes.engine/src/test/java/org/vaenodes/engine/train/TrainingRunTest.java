package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.testing.TinyData;

/** Stop and keep, time limit, validation, early stopping, snapshots and exact resume of {@link VaeTrainer}. */
class TrainingRunTest {

    private static final IdxImages SQUARES = TinyData.squares(100, 8, 8, 1);

    private static TrainingResult run(VaeConfig c, TrainingRun run, TrainingListener listener, TrainingControl control)
            throws TrainingCanceledException {
        return new VaeTrainer(c).train(SQUARES, run, listener, () -> false, control);
    }

    private static void assertSameWeights(VaeModel actual, VaeModel expected) {
        assertThat(actual.weights().keySet()).isEqualTo(expected.weights().keySet());
        for (String name : expected.weights().keySet()) {
            INDArray a = actual.weights().get(name);
            INDArray e = expected.weights().get(name);
            assertThat(a.ravel().toFloatVector()).as("weights %s", name).containsExactly(e.ravel().toFloatVector());
        }
    }

    @Test
    void resumingGivesBitIdenticalWeightsToOneUninterruptedRun() throws Exception {
        VaeConfig base = TinyData.tinyConfig().seed(5).keepProbability(0.8).build();
        TrainingResult whole = new VaeTrainer(base.toBuilder().iterations(300).build())
                .train(SQUARES, TrainingListener.NONE, () -> false);
        TrainingResult first = new VaeTrainer(base.toBuilder().iterations(200).build())
                .train(SQUARES, TrainingListener.NONE, () -> false);
        // through the model file, as the CLI and the Learner's model port do
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        VaeModelFile.write(first.model(), file);
        VaeModel saved = VaeModelFile.read(new ByteArrayInputStream(file.toByteArray()), "first.zip");
        assertThat(saved.optimizerState()).isNotNull();
        assertThat(saved.optimizerState().adamIteration()).isEqualTo(200);
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingResult rest = new VaeTrainer(base.toBuilder().iterations(100).build())
                .resume(saved, SQUARES, TrainingRun.PLAIN, seen::add, () -> false, new TrainingControl());

        assertThat(rest.notes()).isEmpty();
        assertThat(rest.iterations()).isEqualTo(300);
        assertThat(rest.model().iterationsTrained()).isEqualTo(300);
        assertSameWeights(rest.model(), whole.model());
        assertThat(rest.model().optimizerState().firstMoments())
                .containsExactly(whole.model().optimizerState().firstMoments());
        assertThat(rest.model().optimizerState().secondMoments())
                .containsExactly(whole.model().optimizerState().secondMoments());
        assertThat(rest.loss()).containsExactly(Arrays.copyOfRange(whole.loss(), 200, 300));
        assertThat(seen.get(0).iteration()).isEqualTo(200);
        assertThat(seen.get(0).firstIteration()).isEqualTo(200);
        assertThat(seen.get(99).fractionDone()).isEqualTo(1.0);
        saved.close();
    }

    @Test
    void aModelWithoutOptimizerStateContinuesWithAdamRestartedAndANote() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(40).build();
        TrainingResult first = new VaeTrainer(c).train(SQUARES, TrainingListener.NONE, () -> false);
        VaeModel old = new VaeModel(c, first.model().weights(), 40, first.model().finalLoss());
        TrainingResult rest = new VaeTrainer(c).resume(old, SQUARES, TrainingRun.PLAIN, TrainingListener.NONE,
                () -> false, new TrainingControl());
        assertThat(rest.notes()).singleElement().asString().contains("no optimizer state").contains("Adam restarted");
        assertThat(rest.model().iterationsTrained()).isEqualTo(80);
        assertThat(rest.model().optimizerState().adamIteration()).isEqualTo(40);
        assertThat(rest.loss()[0]).isLessThan(first.loss()[0]); // it continued from trained weights, not fresh ones
    }

    @Test
    void resumingWithAnotherArchitectureIsRefused() throws Exception {
        TrainingResult first = new VaeTrainer(TinyData.tinyConfig().build()).train(SQUARES, TrainingListener.NONE,
                () -> false);
        VaeTrainer wider = new VaeTrainer(TinyData.tinyConfig().latentSize(3).build());
        assertThatThrownBy(() -> wider.resume(first.model(), SQUARES, TrainingRun.PLAIN, TrainingListener.NONE,
                () -> false, new TrainingControl())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another architecture").hasMessageContaining("latent size 2 in the model, 3 configured");
    }

    @Test
    void aStopRequestEndsTheRunWithTheModelOfTheIterationsDone() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(1000).seed(9).build();
        TrainingControl control = new TrainingControl();
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingResult stopped = run(c, TrainingRun.PLAIN, p -> {
            seen.add(p);
            if (p.iteration() == 11) {
                control.requestStop();
            }
        }, control);
        assertThat(seen).hasSize(12);
        assertThat(stopped.ending().reason()).isEqualTo(TrainingEnding.Reason.STOPPED);
        assertThat(stopped.ending().iterationsDone()).isEqualTo(12);
        assertThat(stopped.ending().message()).contains("stopped by the user after 12 of 1000 iterations");
        assertThat(stopped.model().iterationsTrained()).isEqualTo(12);
        assertThat(stopped.history().size()).isEqualTo(12);
        TrainingResult twelve = new VaeTrainer(c.toBuilder().iterations(12).build()).train(SQUARES,
                TrainingListener.NONE, () -> false);
        assertSameWeights(stopped.model(), twelve.model());
        assertThat(twelve.ending().reason()).isEqualTo(TrainingEnding.Reason.COMPLETED);
    }

    @Test
    void theTimeLimitEndsALongRunKeepingItsModel() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(10_000_000).build();
        long t0 = System.nanoTime();
        TrainingResult r = run(c, TrainingRun.PLAIN.withTimeLimit(Duration.ofMillis(400)), TrainingListener.NONE,
                new TrainingControl());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.ending().reason()).isEqualTo(TrainingEnding.Reason.TIME_LIMIT);
        assertThat(r.iterations()).isBetween(1, 10_000_000 - 1);
        assertThat(r.model().iterationsTrained()).isEqualTo(r.iterations());
        assertThat(r.elapsedSeconds()[r.history().size() - 1]).isGreaterThanOrEqualTo(0.3).isLessThan(1.0);
        assertThat(seconds).isLessThan(5);
    }

    @Test
    void snapshotsComeAtEveryNthAndTheLastIterationWithPicturesOfTheRightSize() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(30).build();
        List<TrainingSnapshot> snaps = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iterationDone(TrainingProgress progress) {
            }

            @Override
            public void snapshotTaken(TrainingSnapshot s) {
                snaps.add(s);
            }
        };
        TrainingResult r = run(c, TrainingRun.PLAIN.withSnapshotEvery(10).withValidationShare(0.2), listener,
                new TrainingControl());
        assertThat(snaps).extracting(TrainingSnapshot::iteration).containsExactly(0, 10, 20, 29);
        BufferedImage expectedComparison = ImageGrids.comparison(new float[16 * 64], new float[16 * 64], 16, 8, 8, 8);
        BufferedImage expectedSamples = ImageGrids.tiles(new float[16 * 64], 16, 8, 8, 8);
        for (TrainingSnapshot s : snaps) {
            assertThat(s.trainingLoss()).isEqualTo(r.loss()[s.iteration()]);
            assertThat(s.hasValidation()).isTrue();
            assertThat(s.validationLoss()).isFinite().isPositive();
            BufferedImage comparison = ImageIO.read(new ByteArrayInputStream(s.reconstructionsPng()));
            BufferedImage samples = ImageIO.read(new ByteArrayInputStream(s.samplesPng()));
            assertThat(comparison.getWidth()).isEqualTo(expectedComparison.getWidth());
            assertThat(comparison.getHeight()).isEqualTo(expectedComparison.getHeight());
            assertThat(samples.getWidth()).isEqualTo(expectedSamples.getWidth());
            assertThat(samples.getHeight()).isEqualTo(expectedSamples.getHeight());
        }
        // the inputs are fixed: the top-left original is the same picture in every snapshot
        assertThat(topLeftTile(snaps.get(0))).containsExactly(topLeftTile(snaps.get(3)));
        // the model changes between snapshots, so do the samples
        assertThat(snaps.get(0).samplesPng()).isNotEqualTo(snaps.get(3).samplesPng());
        // 80 training rows: 100 images minus a validation share of 0.2
        assertThat(snaps.get(0).validationLoss()).isNotEqualTo(snaps.get(1).validationLoss());

        List<TrainingSnapshot> none = new ArrayList<>();
        run(c, TrainingRun.PLAIN, new TrainingListener() {
            @Override
            public void iterationDone(TrainingProgress progress) {
            }

            @Override
            public void snapshotTaken(TrainingSnapshot s) {
                none.add(s);
            }
        }, new TrainingControl());
        assertThat(none).isEmpty();
    }

    @Test
    void snapshotsAndValidationOfAColourModelShowColourPictures() throws Exception {
        var squares = TinyData.colourSquares(60, 8, 8, 3);
        VaeConfig c = TinyData.tinyConfig().channels(3).iterations(6).build();
        List<TrainingSnapshot> snaps = new ArrayList<>();
        new VaeTrainer(c).train(squares.images(), TrainingRun.PLAIN.withSnapshotEvery(5).withValidationShare(0.25),
                new TrainingListener() {
                    @Override
                    public void iterationDone(TrainingProgress progress) {
                    }

                    @Override
                    public void snapshotTaken(TrainingSnapshot s) {
                        snaps.add(s);
                    }
                }, () -> false, new TrainingControl());
        assertThat(snaps).extracting(TrainingSnapshot::iteration).containsExactly(0, 5);
        BufferedImage expected = ImageGrids.comparison(new float[16 * 192], new float[16 * 192], 16, 3, 8, 8, 8);
        for (TrainingSnapshot s : snaps) {
            assertThat(s.validationLoss()).isFinite().isPositive();
            BufferedImage comparison = ImageIO.read(new ByteArrayInputStream(s.reconstructionsPng()));
            assertThat(comparison.getWidth()).isEqualTo(expected.getWidth());
            assertThat(comparison.getHeight()).isEqualTo(expected.getHeight());
            assertThat(comparison.getColorModel().getNumColorComponents()).as("colour PNG").isEqualTo(3);
            // the inputs are coloured squares: some pixel of the originals' rows is not gray
            boolean coloured = false;
            for (int y = 0; y < 8 && !coloured; y++) {
                for (int x = 0; x < comparison.getWidth() && !coloured; x++) {
                    int rgb = comparison.getRGB(x, y);
                    coloured = ((rgb >> 16) & 0xFF) != (rgb & 0xFF) || ((rgb >> 8) & 0xFF) != (rgb & 0xFF);
                }
            }
            assertThat(coloured).as("the inputs' row has colour").isTrue();
        }
    }

    @Test
    void aCancelDuringASnapshotsValidationDiscardsTheRun() {
        VaeConfig c = TinyData.tinyConfig().iterations(30).build();
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        List<TrainingSnapshot> snaps = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iterationDone(TrainingProgress progress) {
                cancel.set(true); // after iteration 0, before its snapshot: only the snapshot can see it
            }

            @Override
            public void snapshotTaken(TrainingSnapshot s) {
                snaps.add(s);
            }
        };
        assertThatThrownBy(() -> new VaeTrainer(c).train(SQUARES, TrainingRun.PLAIN.withValidationShare(0.3)
                .withSnapshotEvery(10), listener, cancel::get, new TrainingControl()))
                .isInstanceOf(TrainingCanceledException.class);
        assertThat(snaps).isEmpty();
    }

    private static int[] topLeftTile(TrainingSnapshot s) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(s.reconstructionsPng()));
        int side = 8 * ImageGrids.SCALE;
        return image.getRGB(ImageGrids.PADDING, ImageGrids.PADDING, side, side, null, 0, side);
    }

    @Test
    void earlyStoppingEndsWhenTheValidationLossStopsFallingAndReturnsTheBestModel() throws Exception {
        // 12 images, half held out, a high learning rate: the training rows are learnt by heart within a few
        // dozen iterations and the validation loss then rises
        IdxImages few = TinyData.squares(12, 8, 8, 4);
        VaeConfig c = TinyData.tinyConfig().iterations(3000).batchSize(6).learningRate(0.01).keepProbability(1)
                .seed(3).build();
        TrainingRun run = TrainingRun.PLAIN.withValidationShare(0.5).withSnapshotEvery(10)
                .withEarlyStopping(new TrainingRun.EarlyStopping(3, 0));
        List<TrainingSnapshot> snaps = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iterationDone(TrainingProgress progress) {
            }

            @Override
            public void snapshotTaken(TrainingSnapshot s) {
                snaps.add(s);
            }
        };
        TrainingResult r = new VaeTrainer(c).train(few, run, listener, () -> false, new TrainingControl());
        assertThat(r.ending().reason()).isEqualTo(TrainingEnding.Reason.EARLY_STOPPING);
        assertThat(r.iterations()).isLessThan(3000);
        TrainingSnapshot best = snaps.stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss()))
                .orElseThrow();
        assertThat(r.ending().bestValidationLoss()).isEqualTo(best.validationLoss());
        assertThat(r.ending().modelIterations()).isEqualTo(best.iteration() + 1);
        assertThat(r.model().iterationsTrained()).isEqualTo(best.iteration() + 1);
        // patience 3: the three snapshots after the best did not improve, and the run ended at the third
        assertThat(snaps.get(snaps.size() - 1).iteration()).isEqualTo(best.iteration() + 30);
        assertThat(r.ending().iterationsDone()).isEqualTo(best.iteration() + 31);
        assertThat(r.ending().message()).contains("Early stopping").contains("best validation loss");
        // the returned model is the one of the best iteration: a run of exactly that many iterations has its weights
        TrainingResult upToBest = new VaeTrainer(c.toBuilder().iterations(best.iteration() + 1).build())
                .train(few, run.withEarlyStopping(null), TrainingListener.NONE, () -> false, new TrainingControl());
        assertSameWeights(r.model(), upToBest.model());
    }

    @Test
    void inconsistentRunsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TrainingRun.PLAIN.withValidationShare(0.7)).hasMessageContaining("validation share");
        assertThatThrownBy(() -> TrainingRun.PLAIN.withSnapshotEvery(10)
                .withEarlyStopping(new TrainingRun.EarlyStopping(2, 0))).hasMessageContaining("validation share");
        assertThatThrownBy(() -> TrainingRun.PLAIN.withValidationShare(0.2)
                .withEarlyStopping(new TrainingRun.EarlyStopping(2, 0))).hasMessageContaining("snapshot every");
        assertThatThrownBy(() -> new TrainingRun.EarlyStopping(0, 0)).hasMessageContaining("patience");
        assertThatThrownBy(() -> TrainingRun.PLAIN.withTimeLimit(Duration.ZERO)).hasMessageContaining("time limit");
        assertThat(TrainingRun.DEFAULT.snapshotEvery()).isEqualTo(3000);
    }
}
