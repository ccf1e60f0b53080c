package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.testing.TinyData;

class VaeTrainerTest {

    private static final IdxImages SQUARES = TinyData.squares(100, 8, 8, 1);

    @Test
    void sameSeedGivesIdenticalLossesAndWeights() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(25).seed(42).build();
        TrainingResult a = new VaeTrainer(c).train(SQUARES, TrainingListener.NONE, () -> false);
        TrainingResult b = new VaeTrainer(c).train(SQUARES, TrainingListener.NONE, () -> false);
        assertThat(b.loss()).containsExactly(a.loss());
        assertThat(b.reconstruction()).containsExactly(a.reconstruction());
        for (String name : a.model().weights().keySet()) {
            INDArray wa = a.model().weights().get(name);
            INDArray wb = b.model().weights().get(name);
            assertThat(wb.equals(wa)).as("weights %s", name).isTrue();
        }
        TrainingResult other = new VaeTrainer(c.toBuilder().seed(43).build()).train(SQUARES, TrainingListener.NONE, () -> false);
        assertThat(other.loss()).isNotEqualTo(a.loss());
    }

    @Test
    void reportsEveryIterationWithLossPartsAndEta() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(30).klWeight(2.0).build();
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingResult r = new VaeTrainer(c).train(SQUARES, seen::add, () -> false);
        assertThat(seen).hasSize(30);
        assertThat(seen).extracting(TrainingProgress::iteration).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 30).boxed().toList());
        for (TrainingProgress p : seen) {
            assertThat(p.loss()).isCloseTo(p.reconstruction() + 2.0 * p.kl(), org.assertj.core.data.Offset.offset(1e-3 * p.loss()));
            assertThat(p.imagesPerSecond()).isPositive();
            assertThat(p.etaSeconds()).isGreaterThanOrEqualTo(0);
        }
        assertThat(seen.get(29).etaSeconds()).isZero();
        assertThat(r.loss()[29]).isEqualTo(seen.get(29).loss());
        assertThat(r.model().iterationsTrained()).isEqualTo(30);
        // it learns: the mean of the last 5 losses is below the first
        double last = java.util.Arrays.stream(r.loss(), 25, 30).average().orElseThrow();
        assertThat(last).isLessThan(r.loss()[0]);
    }

    @Test
    void cancelStopsWithinTwoSeconds() throws Exception {
        VaeConfig c = VaeConfig.builder().iterations(1_000_000).build(); // seed model: ~0.1–0.3 s per iteration
        IdxImages images = TinyData.squares(200, 28, 28, 3);
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicLong iterations = new AtomicLong();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingResult> run = pool.submit(() -> new VaeTrainer(c).train(images, p -> iterations.set(p.iteration()), cancel::get));
            long waitStart = System.nanoTime();
            while (iterations.get() < 2 && System.nanoTime() - waitStart < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(20);
            }
            long t0 = System.nanoTime();
            cancel.set(true);
            assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TrainingCanceledException.class);
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void absurdLearningRateStopsWithAnErrorSuggestingALowerOne() {
        VaeConfig c = TinyData.tinyConfig().learningRate(10).iterations(2000).build();
        assertThatThrownBy(() -> new VaeTrainer(c).train(SQUARES, TrainingListener.NONE, () -> false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("diverged").hasMessageContaining("lower learning rate");
    }

    @Test
    void wrongImageSizeIsRejectedBeforeTraining() {
        VaeConfig c = TinyData.tinyConfig().build();
        assertThatThrownBy(() -> new VaeTrainer(c).train(TinyData.squares(10, 12, 12, 1), TrainingListener.NONE, () -> false))
                .hasMessageContaining("12×12").hasMessageContaining("8×8");
    }

    @Test
    void fewerImagesThanTheBatchStillTrain() throws Exception {
        VaeConfig c = TinyData.tinyConfig().batchSize(64).iterations(3).build();
        TrainingResult r = new VaeTrainer(c).train(TinyData.squares(5, 8, 8, 2), TrainingListener.NONE, () -> false);
        assertThat(r.loss()).hasSize(3);
        assertThat(java.util.Arrays.stream(r.loss()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void aLongRunKeepsABoundedEvenlySpacedHistoryAndTheListenerSeesEveryIteration() throws Exception {
        VaeConfig c = TinyData.tinyConfig().iterations(50).build();
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingResult r = new VaeTrainer(c, null, 8).train(SQUARES, seen::add, () -> false);
        assertThat(seen).hasSize(50);
        assertThat(r.iterations()).isEqualTo(50);
        assertThat(r.model().iterationsTrained()).isEqualTo(50);
        // 8 rows kept: spacing grows 1 → 2 → 4 → 8 while 50 iterations pass, plus the last one
        assertThat(r.iteration()).containsExactly(0, 8, 16, 24, 32, 40, 48, 49);
        for (int i = 0; i < r.history().size(); i++) {
            TrainingProgress p = seen.get(r.iteration()[i]);
            assertThat(r.loss()[i]).isEqualTo(p.loss());
            assertThat(r.kl()[i]).isEqualTo(p.kl());
            assertThat(r.elapsedSeconds()[i]).isEqualTo(p.elapsedSeconds());
        }
        assertThat(r.model().finalLoss()).isEqualTo(seen.get(49).loss());
    }

    @Test
    void halfABillionIterationsAllocateNoHistoryUpFront() throws Exception {
        // the history used to be four double[iterations]: 16 GB here, an OutOfMemoryError before iteration 0
        VaeConfig c = TinyData.tinyConfig().iterations(500_000_000).build();
        AtomicLong done = new AtomicLong();
        assertThatThrownBy(() -> new VaeTrainer(c).train(SQUARES, p -> done.set(p.iteration() + 1), () -> done.get() >= 3))
                .isInstanceOf(TrainingCanceledException.class);
        assertThat(done.get()).isEqualTo(3);
    }
}
