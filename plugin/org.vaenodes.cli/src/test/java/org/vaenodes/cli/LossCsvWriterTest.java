package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.train.LossHistory;
import org.vaenodes.engine.train.TrainingProgress;

class LossCsvWriterTest {

    @TempDir
    Path dir;

    private static TrainingProgress progress(int it, int total) {
        return new TrainingProgress(it, total, it * 0.5, it * 0.25, 0.125, 100, it / 1000.0, 0);
    }

    @Test
    void writesEveryIterationEvenPastTheTrainersHistoryAndOnlyOnCommit() throws Exception {
        int total = LossHistory.DEFAULT_CAPACITY * 2 + 17;
        Path target = dir.resolve("loss.csv");
        try (LossCsvWriter w = new LossCsvWriter(target)) {
            for (int i = 0; i < total; i++) {
                w.iterationDone(progress(i, total));
            }
            assertThat(target).doesNotExist();
            w.commit();
        }
        List<String> rows = Files.readAllLines(target);
        assertThat(rows).hasSize(total + 1);
        assertThat(rows.get(0)).isEqualTo("iteration,loss,reconstruction,kl,elapsed_s");
        assertThat(rows.get(1)).isEqualTo("0,0.000000,0.000000,0.125000,0.000");
        assertThat(rows.get(total)).isEqualTo((total - 1) + "," + String.format(java.util.Locale.ROOT, "%.6f,%.6f",
            (total - 1) * 0.5, (total - 1) * 0.25) + ",0.125000," + String.format(java.util.Locale.ROOT, "%.3f", (total - 1) / 1000.0));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("loss.csv");
        }
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws Exception {
        Path target = dir.resolve("sub/loss.csv");
        try (LossCsvWriter w = new LossCsvWriter(target)) {
            w.iterationDone(progress(0, 5));
        }
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.list(dir.resolve("sub"))) {
            assertThat(s).isEmpty();
        }
    }
}
