package org.vaenodes.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaenodes.testing.TinyData;

/** The report's content on a tiny run; no timing is asserted. */
class TrainingBenchmarkTest {

    private static boolean linux() {
        return TrainingBenchmark.currentRss() > 0;
    }

    @Test
    void reportsRssTraceAfterWarmup() {
        TrainingBenchmark.Report r = TrainingBenchmark.run(TinyData.squares(40, 8, 8, 1),
                TinyData.tinyConfig().build(), 6, 2, null);
        assertThat(r.iterations()).isEqualTo(6);
        assertThat(r.warmup()).isEqualTo(2);
        String text = r.toString();
        assertThat(text).contains("train: ", "iteration ms: median ", "peak RSS");
        if (linux()) {
            assertThat(r.rssAfterWarmupBytes()).isPositive();
            assertThat(r.maxMeasuredRssBytes()).isGreaterThanOrEqualTo(r.rssAtEndBytes()).isPositive();
            assertThat(r.peakRssBytes()).isGreaterThanOrEqualTo(r.maxMeasuredRssBytes());
            assertThat(r.rssGrowth()).isEqualTo(
                    (r.maxMeasuredRssBytes() - r.rssAfterWarmupBytes()) / (double) r.rssAfterWarmupBytes());
            assertThat(text).containsPattern("RSS after warm-up: \\d+ MiB, at end: \\d+ MiB, "
                    + "max during measured iterations: \\d+ MiB \\(growth [+-]\\d+\\.\\d%\\)");
            TrainingBenchmark.HostLoad h = r.host();
            assertThat(h).isNotNull();
            assertThat(h.tailIterations()).isEqualTo(1); // 1 % of 6, rounded up
            assertThat(h.tailWallMs()).isEqualTo(r.maxMs());
            assertThat(h.tailCpuMs()).isNotNegative();
            assertThat(h.middleWallMs()).isPositive().isLessThanOrEqualTo(r.maxMs());
            assertThat(text).containsPattern("host during the measured iterations: steal \\d+\\.\\d%, idle \\d+\\.\\d%")
                    .contains("slowest 1% (1 iteration): ");
        } else {
            assertThat(r.rssGrowth()).isNaN();
            assertThat(text).contains("RSS after warm-up: unknown").doesNotContain("host during");
            assertThat(r.host()).isNull();
        }
    }

    @Test
    void withoutWarmupTheBaselineIsTheFirstIteration() {
        TrainingBenchmark.Report r = TrainingBenchmark.run(TinyData.squares(20, 8, 8, 2),
                TinyData.tinyConfig().build(), 1, 0, null);
        // one iteration in all: nothing is sampled after the baseline, so end and max are the baseline
        assertThat(r.rssAtEndBytes()).isEqualTo(r.rssAfterWarmupBytes());
        assertThat(r.maxMeasuredRssBytes()).isEqualTo(r.rssAfterWarmupBytes());
        if (linux()) {
            assertThat(r.rssGrowth()).isZero();
        }
    }

    @Test
    void readsCurrentAndPeakRss() {
        long now = TrainingBenchmark.currentRss();
        long peak = TrainingBenchmark.peakRss();
        if (now < 0) {
            assertThat(peak).isEqualTo(-1);
        } else {
            assertThat(peak).isGreaterThanOrEqualTo(now);
            assertThat(now).isGreaterThan(1L << 20);
        }
    }
}
