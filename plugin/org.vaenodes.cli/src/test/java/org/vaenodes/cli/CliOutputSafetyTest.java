package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.engine.io.FileKind;
import org.vaenodes.testing.TinyData;

/** Outputs that would destroy an input, replace a device, or fail only after the work was done. */
class CliOutputSafetyTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path images;
    static Path labels;
    static Path model;
    private final Map<Path, byte[]> inputsBefore = new LinkedHashMap<>();

    @BeforeAll
    static void trainATinyModel() throws IOException {
        Path data = Files.createDirectories(shared.resolve("data"));
        images = data.resolve("images.idx.gz");
        labels = data.resolve("labels.idx");
        IdxWriter.writeImages(images, TinyData.squares(30, 8, 8, 4), true);
        int[] l = new int[30];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % 10;
        }
        IdxWriter.writeLabels(labels, l, false);
        model = data.resolve("model.zip");
        CliRun train = CliRun.of("train", "--images", images.toString(), "--out", model.toString(),
                "--iterations", "2", "--filters", "4", "--latent", "2", "--batch", "8");
        assertThat(train.code()).as(train.err()).isZero();
    }

    @BeforeEach
    void rememberInputs() throws IOException {
        for (Path p : List.of(images, labels, model)) {
            inputsBefore.put(p, Files.readAllBytes(p));
        }
    }

    private void assertInputsUnchanged() throws IOException {
        for (Map.Entry<Path, byte[]> e : inputsBefore.entrySet()) {
            assertThat(FileKind.of(e.getKey())).as(e.getKey().toString()).isEqualTo(FileKind.REGULAR_FILE);
            assertThat(Files.readAllBytes(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
        }
        assertThat(CliRun.tempFilesUnder(shared)).isEmpty();
        assertThat(CliRun.tempFilesUnder(dir)).isEmpty();
    }

    /** {@code data/../data/name}: the same file by a detour through its own folder. */
    private static String viaDotDot(Path p) {
        return p.getParent().resolve("..").resolve(p.getParent().getFileName()).resolve(p.getFileName()).toString();
    }

    private Path link(String name, Path to) throws IOException {
        return Files.createSymbolicLink(dir.resolve(name), to);
    }

    @Test
    void everyCommandRefusesToWriteOverItsOwnInput() throws IOException {
        String img = images.toString();
        String lab = labels.toString();
        String mod = model.toString();
        List<String[]> runs = new ArrayList<>();
        // train over its images and labels
        runs.add(new String[] {"train", "--images", img, "--out", viaDotDot(images), "--iterations", "1"});
        runs.add(new String[] {"train", "--images", img, "--out", link("images-link.gz", images).toString()});
        runs.add(new String[] {"train", "--images", img, "--labels", lab, "--out", dir.resolve("x.zip").toString(),
                "--loss-csv", link("labels-link", labels).toString()});
        // encode over its images, labels and model
        runs.add(new String[] {"encode", "--model", mod, "--images", img, "--out", viaDotDot(images)});
        runs.add(new String[] {"encode", "--model", mod, "--images", img, "--labels", lab,
                "--out", link("labels-link2", labels).toString()});
        runs.add(new String[] {"encode", "--model", mod, "--images", img, "--out", viaDotDot(model)});
        // sample and reconstruct over the model (and reconstruct over its images)
        runs.add(new String[] {"sample", "--model", mod, "--out", viaDotDot(model)});
        runs.add(new String[] {"sample", "--model", mod, "--out", link("model-link.png", model).toString()});
        runs.add(new String[] {"reconstruct", "--model", mod, "--images", img, "--out", viaDotDot(model)});
        runs.add(new String[] {"reconstruct", "--model", mod, "--images", img,
                "--out", link("images-link.png", images).toString()});
        for (String[] args : runs) {
            String line = CliRun.of(args).failsWith(2);
            assertThat(line).as(String.join(" ", args)).contains("is the same file as --")
                    .contains("would destroy the input");
        }
        assertInputsUnchanged();
    }

    @Test
    void twoOutputsNamingOneFileAreRefused() throws IOException {
        Path out = dir.resolve("m.zip");
        String line = CliRun.of("train", "--images", images.toString(), "--out", out.toString(),
                "--loss-csv", dir.resolve("sub/../m.zip").toString(), "--iterations", "1").failsWith(2);
        assertThat(line).contains("--loss-csv").contains("is the same file as --out");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDeviceNodeAsOutputIsRefusedAndLeftADevice() throws Exception {
        Path device = nullDevice();
        CliRun sample = CliRun.of("sample", "--model", model.toString(), "--out", device.toString());
        assertThat(sample.failsWith(1)).isEqualTo("error: --out " + device
                + ": is a character device, not a regular file; name a file to write");
        CliRun train = CliRun.of("train", "--images", images.toString(), "--out", dir.resolve("m.zip").toString(),
                "--loss-csv", device.toString(), "--iterations", "1");
        assertThat(train.failsWith(1)).contains("--loss-csv " + device + ": is a character device");
        assertThat(train.out()).doesNotContain("training on");
        assertThat(FileKind.of(device)).isEqualTo(FileKind.CHARACTER_DEVICE);
        assertThat(dir.resolve("m.zip")).doesNotExist();
    }

    /**
     * /dev/null where this user cannot replace it. A user who can (root) gets a private null device in the test
     * folder instead, so that a regression replaces that copy and not the machine's /dev/null.
     */
    private Path nullDevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(FileKind.of(devNull) == FileKind.CHARACTER_DEVICE, "no /dev/null on this system");
        if (!Files.isWritable(devNull.getParent())) {
            return devNull;
        }
        Path own = dir.resolve("null");
        Process mknod;
        try {
            mknod = new ProcessBuilder("mknod", own.toString(), "c", "1", "3").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("/dev is writable, so /dev/null must not be the target, and mknod is missing: skipped");
            throw e;
        }
        mknod.getInputStream().readAllBytes();
        Assumptions.assumeTrue(mknod.waitFor() == 0 && FileKind.of(own) == FileKind.CHARACTER_DEVICE,
                "/dev is writable, so /dev/null must not be the target, and mknod failed: skipped");
        return own;
    }

    @Test
    void aFolderAsOutputIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("grid.png"));
        String line = CliRun.of("reconstruct", "--model", model.toString(), "--images", images.toString(),
                "--out", folder.toString()).failsWith(1);
        assertThat(line).contains("--out " + folder + ": is a folder, not a regular file");
    }

    @Test
    void aParentThatIsAFileIsNamedBeforeTraining() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        Path out = dir.resolve("m.zip");
        CliRun train = CliRun.of("train", "--images", images.toString(), "--out", out.toString(),
                "--loss-csv", notes.resolve("loss.csv").toString(), "--iterations", "1");
        assertThat(train.failsWith(1)).isEqualTo("error: --loss-csv " + notes.resolve("loss.csv") + ": "
                + notes.toAbsolutePath() + " is a regular file, not a folder");
        assertThat(train.out()).doesNotContain("training on");
        assertThat(out).doesNotExist();

        String sample = CliRun.of("sample", "--model", model.toString(), "--out", notes.resolve("a/b.png").toString())
                .failsWith(1);
        assertThat(sample).contains(notes.toAbsolutePath() + " is a regular file, not a folder");
        assertThat(Files.readString(notes)).isEqualTo("not a folder");
    }

    @Test
    void aReadOnlyLossCsvFolderFailsBeforeTrainingAndNoModelIsWritten() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        try (ReadOnlyFolder guard = ReadOnlyFolder.make(readOnly)) {
            Path out = dir.resolve("model.zip");
            CliRun train = CliRun.of("train", "--images", images.toString(), "--out", out.toString(),
                    "--loss-csv", readOnly.resolve("loss.csv").toString(), "--iterations", "1");
            assertThat(train.failsWith(1)).isEqualTo("error: --loss-csv " + readOnly.resolve("loss.csv")
                    + ": the folder " + readOnly.toAbsolutePath() + " is not writable");
            assertThat(train.out()).doesNotContain("training on");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void missingOutputFoldersAreStillCreated() throws IOException {
        Path out = dir.resolve("new/deeper/model.zip");
        Path csv = dir.resolve("new/other/loss.csv");
        CliRun train = CliRun.of("train", "--images", images.toString(), "--out", out.toString(),
                "--loss-csv", csv.toString(), "--iterations", "1", "--filters", "4", "--latent", "2", "--batch", "8");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(out).isRegularFile();
        assertThat(Files.readAllLines(csv)).hasSize(2);
        assertInputsUnchanged();
    }
}
