package org.vaenodes.knime.nodes.learner.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorFilesTest {

    static final byte[] PNG = {(byte)0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

    static TrainingMonitor finishedRun() {
        TrainingMonitor m = new TrainingMonitor(500);
        m.start(200);
        for (int i = 0; i < 120; i++) {
            m.iteration(i, 90 - i * 0.3, 70 - i * 0.2, 20 - i * 0.1, 812.5, i * 0.05, (200 - i) * 0.05);
        }
        m.snapshot(new SnapshotPictures(60, 70.0, 71.5, PNG, PNG.clone()));
        m.snapshot(new SnapshotPictures(120, 55.0, 58.25, PNG, PNG.clone()));
        m.finish(MonitorState.Phase.FINISHED, "Training stopped by the user after 120 of 200 iterations; "
            + "the model is the one after them.");
        return m;
    }

    @Test
    void roundTripKeepsWhatTheViewShows(@TempDir final Path dir) throws IOException {
        MonitorState before = finishedRun().state();
        MonitorFiles.save(before, dir);
        assertThat(MonitorFiles.exists(dir)).isTrue();
        MonitorState after = MonitorFiles.load(dir);
        assertThat(after.phase()).isEqualTo(MonitorState.Phase.FINISHED);
        assertThat(after.iterationsDone()).isEqualTo(120);
        assertThat(after.iterations()).isEqualTo(200);
        assertThat(after.imagesPerSecond()).isEqualTo(812.5);
        assertThat(after.message()).isEqualTo(before.message());
        assertThat(after.curves().iteration()).containsExactly(before.curves().iteration());
        assertThat(after.curves().loss()).containsExactly(before.curves().loss());
        assertThat(after.curves().klSmoothed()).containsExactly(before.curves().klSmoothed());
        assertThat(after.validationIterations()).containsExactly(60, 120);
        assertThat(after.validationLoss()).containsExactly(71.5, 58.25);
        assertThat(after.snapshot().iteration()).isEqualTo(120);
        assertThat(after.snapshot().validationLoss()).isEqualTo(58.25);
        assertThat(after.snapshot().reconstructionsPng()).isEqualTo(PNG);
        assertThat(Files.readString(dir.resolve(MonitorFiles.CURVES))).startsWith(MonitorFiles.CURVES_HEADER + "\n0,");

        TrainingMonitor restored = new TrainingMonitor(500);
        restored.restore(after);
        assertThat(restored.state().curves().loss()).containsExactly(before.curves().loss());
    }

    @Test
    void aRunWithoutSnapshotRoundTrips(@TempDir final Path dir) throws IOException {
        TrainingMonitor m = new TrainingMonitor();
        m.start(3);
        m.iteration(0, 1, 1, 0, Double.NaN, 0.1, 0.2);
        MonitorFiles.save(m.state(), dir);
        MonitorState s = MonitorFiles.load(dir);
        assertThat(s.snapshot()).isNull();
        assertThat(s.imagesPerSecond()).isNaN();
        assertThat(s.curves().size()).isEqualTo(1);
    }

    @Test
    void damagedFilesAreRefusedNamingFileAndLine(@TempDir final Path dir) throws IOException {
        MonitorFiles.save(finishedRun().state(), dir);
        Path curves = dir.resolve(MonitorFiles.CURVES);
        String good = Files.readString(curves);
        Files.writeString(curves, good.replaceFirst("\n1,", "\nx,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MonitorFiles.load(dir)).isInstanceOf(IOException.class)
            .hasMessageContaining("curves.csv").hasMessageContaining("line 3, column 1: \"x\" is not a number");
        Files.writeString(curves, good.replaceFirst("\n1,", "\n0,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("line 3: iteration 0 does not follow 0");
        Files.writeString(curves, good.replaceFirst(",", ";"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("line 1 is not the header");
        Files.writeString(curves, good.replaceFirst("\n1,[^,]*,", "\n1,Infinity,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("out of range");
        Files.writeString(curves, good, StandardCharsets.UTF_8);

        Files.write(dir.resolve(MonitorFiles.SAMPLES), new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("snapshot-samples.png is not a PNG");
        Files.write(dir.resolve(MonitorFiles.SAMPLES), PNG);

        Path props = dir.resolve(MonitorFiles.PROPERTIES);
        String p = Files.readString(props);
        Files.writeString(props, p.replace("version=1", "version=7"));
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("has version 7");
        Files.writeString(props, p.replace("phase=FINISHED", "phase=DANCING"));
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("unknown phase \"DANCING\"");
        Files.writeString(props, p.replace("iterations=200", "iterations=-4"));
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("iterations is negative");
    }

    @Test
    void sizesAreBounded(@TempDir final Path dir) throws IOException {
        MonitorFiles.save(finishedRun().state(), dir);
        StringBuilder b = new StringBuilder(MonitorFiles.VALIDATION_HEADER).append('\n');
        for (int i = 0; i <= MonitorFiles.MAX_ROWS; i++) {
            b.append(i).append(",1.0\n");
        }
        Files.writeString(dir.resolve(MonitorFiles.VALIDATION), b);
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("validation.csv has more than 100000 rows");
        try (var ch = Files.newByteChannel(dir.resolve(MonitorFiles.CURVES), java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(MonitorFiles.MAX_TEXT_BYTES + 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{'\n'}));
        }
        assertThatThrownBy(() -> MonitorFiles.load(dir)).hasMessageContaining("curves.csv has 16777218 bytes");
    }

    @Test
    void noPropertiesMeansNothingStored(@TempDir final Path dir) {
        assertThat(MonitorFiles.exists(dir)).isFalse();
    }
}
