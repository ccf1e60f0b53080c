package org.vaenodes.knime.nodes.learner.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingMonitorTest {

    private static void feed(final TrainingMonitor m, final int from, final int to) {
        for (int i = from; i < to; i++) {
            m.iteration(i, 100.0 / (i + 1), 80.0 / (i + 1), 20.0 / (i + 1), 500, i * 0.1, (to - i) * 0.1);
        }
    }

    @Test
    void keepsEveryIterationUpToTheCapacityAndProgress() {
        TrainingMonitor m = new TrainingMonitor(100);
        m.start(50);
        feed(m, 0, 50);
        MonitorState s = m.state();
        assertThat(s.phase()).isEqualTo(MonitorState.Phase.TRAINING);
        assertThat(s.iterationsDone()).isEqualTo(50);
        assertThat(s.iterations()).isEqualTo(50);
        assertThat(s.fractionDone()).isEqualTo(1.0);
        assertThat(s.curves().size()).isEqualTo(50);
        assertThat(s.curves().iteration()).startsWith(0, 1, 2).endsWith(49);
        assertThat(s.curves().loss()[9]).isEqualTo(10.0);
        assertThat(s.curves().kl()[9]).isEqualTo(2.0);
        assertThat(s.imagesPerSecond()).isEqualTo(500);
        assertThat(s.elapsedSeconds()).isEqualTo(4.9, within(1e-9));
    }

    @Test
    void historyStaysBoundedEvenlySpacedAndEndsAtTheLatestIteration() {
        TrainingMonitor m = new TrainingMonitor(64);
        m.start(100_001);
        feed(m, 0, 100_001);
        Curves c = m.state().curves();
        assertThat(c.size()).isBetween(32, 65);
        assertThat(c.iteration()[0]).isZero();
        assertThat(c.iteration()[c.size() - 1]).isEqualTo(100_000);
        int step = c.iteration()[1] - c.iteration()[0];
        for (int i = 1; i < c.size() - 1; i++) {
            assertThat(c.iteration()[i] - c.iteration()[i - 1]).as("spacing at %d", i).isEqualTo(step);
        }
        assertThat(step).isGreaterThan(1);
        // the kept points hold the values of their own iteration
        int k = c.size() / 2;
        assertThat(c.loss()[k]).isEqualTo(100.0 / (c.iteration()[k] + 1));
    }

    @Test
    void smoothingIsABiasCorrectedMovingAverage() {
        TrainingMonitor m = new TrainingMonitor(1000);
        m.start(300);
        for (int i = 0; i < 300; i++) {
            // alternating 10 and 20: the smoothed curve settles near 15 while the raw one keeps jumping
            m.iteration(i, i % 2 == 0 ? 10 : 20, 5, 1, 1, 1, 1);
        }
        Curves c = m.state().curves();
        // bias correction: the first smoothed value is the first raw value, not 2% of it
        assertThat(c.lossSmoothed()[0]).isEqualTo(10.0, within(1e-9));
        assertThat(c.reconstructionSmoothed()[0]).isEqualTo(5.0, within(1e-9));
        assertThat(c.lossSmoothed()[299]).isBetween(14.5, 15.5);
        assertThat(Math.abs(c.lossSmoothed()[299] - c.lossSmoothed()[298])).isLessThan(0.5);
        assertThat(c.reconstructionSmoothed()[299]).isEqualTo(5.0, within(1e-9));
    }

    @Test
    void snapshotsHandOverPicturesAndValidationPoints() {
        TrainingMonitor m = new TrainingMonitor(100);
        m.start(10);
        long before = m.version();
        SnapshotPictures s1 = new SnapshotPictures(1, 50, 55, new byte[]{1}, new byte[]{2});
        m.snapshot(s1);
        assertThat(m.version()).isNotEqualTo(before);
        SnapshotPictures s2 = new SnapshotPictures(5, 40, 42, new byte[]{3}, new byte[]{4});
        m.snapshot(s2);
        m.snapshot(new SnapshotPictures(10, 30, Double.NaN, new byte[]{5}, new byte[]{6}));
        MonitorState s = m.state();
        assertThat(s.snapshot().iteration()).isEqualTo(10);
        assertThat(s.validationIterations()).containsExactly(1, 5);
        assertThat(s.validationLoss()).containsExactly(55.0, 42.0);
    }

    @Test
    void stopRequestIsSeenAndANewRunClearsIt() {
        TrainingMonitor m = new TrainingMonitor();
        m.start(10);
        assertThat(m.isStopRequested()).isFalse();
        m.requestStop();
        assertThat(m.isStopRequested()).isTrue();
        assertThat(m.state().stopRequested()).isTrue();
        m.finish(MonitorState.Phase.FINISHED, "stopped");
        m.start(10);
        assertThat(m.isStopRequested()).isFalse();
        assertThat(m.state().curves().size()).isZero();
        m.clear();
        assertThat(m.state().phase()).isEqualTo(MonitorState.Phase.IDLE);
    }

    @Test
    void versionChangesOnlyWhenSomethingChanged() {
        TrainingMonitor m = new TrainingMonitor();
        long v0 = m.version();
        m.state();
        assertThat(m.version()).isEqualTo(v0);
        m.start(3);
        long v1 = m.version();
        assertThat(v1).isNotEqualTo(v0);
        feed(m, 0, 1);
        assertThat(m.version()).isNotEqualTo(v1);
    }

    @Test
    void handOverIsCheap() {
        // the training thread's share: one call per iteration; 200,000 of them must take well under a second
        TrainingMonitor m = new TrainingMonitor();
        m.start(200_000);
        long t0 = System.nanoTime();
        feed(m, 0, 200_000);
        double perCallMicros = (System.nanoTime() - t0) / 1e3 / 200_000;
        System.out.printf(java.util.Locale.ROOT, "[TrainingMonitorTest] hand-over of one iteration: %.3f µs%n",
            perCallMicros);
        assertThat(perCallMicros).as("µs per iteration hand-over").isLessThan(5);
    }
}
