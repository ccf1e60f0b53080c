package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.testing.TinyData;

/** train's snapshot, resume, validation and stop options, end to end on tiny synthetic IDX files. */
class CliTrainingRunTest {

    private static final String[] TINY = {"--filters", "4", "--latent", "2", "--decoder-hidden", "6", "--batch", "16"};

    @TempDir
    Path dir;

    private Path images(int count) throws Exception {
        Path images = dir.resolve("images-" + count + ".idx");
        IdxWriter.writeImages(images, TinyData.squares(count, 8, 8, 4), false);
        return images;
    }

    private static String[] args(String[] fixed, String... more) {
        return Stream.concat(Stream.of(more), Stream.of(fixed)).toArray(String[]::new);
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as("stderr: %s; stdout: %s", r.err(), r.out()).isZero();
        return r;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void snapshotsAreWrittenAtEveryNthAndTheLastIteration() throws Exception {
        Path images = images(60);
        Path snaps = dir.resolve("snaps");
        CliRun r = ok(args(TINY, "train", "--images", images.toString(), "--out", dir.resolve("m.zip").toString(),
                "--iterations", "25", "--snapshot-every", "10", "--snapshot-dir", snaps.toString(),
                "--validation-share", "0.2"));
        assertThat(names(snaps)).containsExactly("iteration-0.png", "iteration-10.png", "iteration-20.png",
                "iteration-24.png", "samples-0.png", "samples-10.png", "samples-20.png", "samples-24.png");
        BufferedImage comparison = ImageIO.read(snaps.resolve("iteration-10.png").toFile());
        BufferedImage samples = ImageIO.read(snaps.resolve("samples-10.png").toFile());
        // 16 inputs in two rows of 8, each row above its reconstructions: four rows of tiles, samples two
        assertThat(comparison.getWidth()).isEqualTo(samples.getWidth());
        assertThat(comparison.getHeight()).isGreaterThan(samples.getHeight());
        assertThat(r.out()).contains("snapshot at iteration 20: training loss").contains("validation loss");
        assertThat(CliRun.tempFilesUnder(dir)).isEmpty();
    }

    @Test
    void resumeContinuesExactlyAndRefusesArchitectureOptionsAndOverwritingItsInput() throws Exception {
        Path images = images(60);
        Path whole = dir.resolve("whole.zip");
        Path first = dir.resolve("first.zip");
        Path rest = dir.resolve("rest.zip");
        ok(args(TINY, "train", "--images", images.toString(), "--out", whole.toString(), "--iterations", "30",
                "--seed", "7", "--keep", "0.8"));
        ok(args(TINY, "train", "--images", images.toString(), "--out", first.toString(), "--iterations", "20",
                "--seed", "7", "--keep", "0.8"));
        // no training option repeated: they are the model's, the iterations the ones given
        CliRun resumed = ok("train", "--images", images.toString(), "--out", rest.toString(), "--resume",
                first.toString(), "--iterations", "10");
        assertThat(resumed.out()).contains("continuing").contains("after 20 iterations")
                .contains("iteration 30/30");
        try (VaeModel a = VaeModelFile.load(whole); VaeModel b = VaeModelFile.load(rest)) {
            assertThat(b.iterationsTrained()).isEqualTo(30);
            for (String name : a.weights().keySet()) {
                assertThat(b.weights().get(name).ravel().toFloatVector()).as(name)
                        .containsExactly(a.weights().get(name).ravel().toFloatVector());
            }
        }

        String sameFile = CliRun.of("train", "--images", images.toString(), "--out", first.toString(), "--resume",
                first.toString(), "--iterations", "10").failsWith(2);
        assertThat(sameFile).contains("--out").contains("--resume").contains("same file");
        String architecture = CliRun.of("train", "--images", images.toString(), "--out", rest.toString(),
                "--resume", first.toString(), "--latent", "3").failsWith(2);
        assertThat(architecture).contains("--latent").contains("--resume").contains("architecture comes from the model");
        IdxWriter.writeImages(dir.resolve("big.idx"), TinyData.squares(20, 12, 12, 1), false);
        String size = CliRun.of("train", "--images", dir.resolve("big.idx").toString(), "--out", rest.toString(),
                "--resume", first.toString()).failsWith(2);
        assertThat(size).contains("big.idx").contains("12×12").contains("8×8");
    }

    @Test
    void earlyStoppingAndTheTimeLimitEndTheRunAndSayWhy() throws Exception {
        Path few = images(12);
        Path model = dir.resolve("early.zip");
        // the engine's early-stopping case (TrainingRunTest): half of 12 images held out, a high learning rate
        CliRun early = ok("train", "--images", few.toString(), "--out", model.toString(), "--filters", "4",
                "--latent", "2", "--decoder-hidden", "6", "--batch", "6", "--iterations", "3000", "--lr", "0.01",
                "--keep", "1", "--seed", "3", "--validation-share", "0.5", "--snapshot-every", "10",
                "--early-stopping-patience", "3");
        assertThat(early.out()).contains("Early stopping after").contains("best validation loss");
        try (VaeModel m = VaeModelFile.load(model)) {
            assertThat(m.iterationsTrained()).isLessThan(3000);
        }

        CliRun limited = ok(args(TINY, "train", "--images", images(40).toString(), "--out",
                dir.resolve("limited.zip").toString(), "--iterations", "100000000", "--time-limit", "1s"));
        assertThat(limited.out()).contains("reached its time limit").contains("saved");
        assertThat(dir.resolve("limited.zip")).exists();
    }

    @Test
    void badRunOptionsAreRefusedNamingTheOption() throws Exception {
        String images = images(20).toString();
        String out = dir.resolve("x.zip").toString();
        assertThat(CliRun.of("train", "--images", images, "--out", out, "--time-limit", "soon").failsWith(2))
                .contains("--time-limit soon");
        assertThat(CliRun.of("train", "--images", images, "--out", out, "--validation-share", "0.8").failsWith(2))
                .contains("--validation-share");
        assertThat(CliRun.of("train", "--images", images, "--out", out, "--early-stopping-patience", "2")
                .failsWith(2)).contains("--early-stopping-patience").contains("--validation-share");
        assertThat(RunOptions.duration("90s").toSeconds()).isEqualTo(90);
        assertThat(RunOptions.duration("1.5m").toSeconds()).isEqualTo(90);
        assertThat(RunOptions.duration("2h").toSeconds()).isEqualTo(7200);
        assertThat(RunOptions.duration("30").toSeconds()).isEqualTo(30);
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }
}
