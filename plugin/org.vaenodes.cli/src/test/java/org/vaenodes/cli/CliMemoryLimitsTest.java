package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.testing.TinyData;

/** Valid settings that cannot fit: one line, exit code 1, no stack trace, nothing written. */
class CliMemoryLimitsTest {

    @TempDir
    Path dir;

    /** The error line, after checking that it is one line and no stack trace. */
    private static String refused(CliRun r) {
        return r.failsWith(1);
    }

    private List<String> files() throws Exception {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private Path images(int count, int side) throws Exception {
        Path p = dir.resolve("in/images-" + side + ".idx");
        IdxWriter.writeImages(p, TinyData.squares(count, side, side, 4), false);
        return p;
    }

    @Test
    void trainingThatCannotFitIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path images = images(112, 64);
        String out = dir.resolve("out/model.zip").toString();
        String csv = dir.resolve("out/loss.csv").toString();
        // the default architecture with 1,024 filters: 4.3 billion parameters
        String tooMany = refused(CliRun.of("train", "--images", images.toString(), "--out", out, "--loss-csv", csv,
            "--filters", "1024"));
        assertThat(tooMany).startsWith("error: The model would have 4,3").contains("GiB for their weights");
        // a valid architecture whose 64×64×768 activations need more native memory than JavaCPP's limit allows
        // besides -Xmx4g (with 1,024 filters the parameters with their Adam moments, kept for continuing, would
        // need more than all of it); the activation passes keep no Java copy of a layer, so native memory binds
        // first, and the remedy names its option
        String tooLarge = refused(CliRun.of("train", "--images", images.toString(), "--out", out, "--loss-csv", csv,
            "--filters", "768", "--encoder-strides", "1,2,4", "--decoder-strides", "1,1,1", "--batch", "112"));
        assertThat(tooLarge).startsWith("error: Training needs about ").contains("more than the ")
            .contains("activations and gradients of a batch of 112").contains("use a batch size of at most ")
            .contains("of native memory").contains("or raise the limit (java -Dorg.bytedeco.javacpp.maxphysicalbytes=");
        // 1024×1024 with strides 4,4,4 used to end in "error: integer overflow"
        Path big = dir.resolve("in/big.idx");
        IdxWriter.writeImages(big, TinyData.squares(1, 1024, 1024, 1), false);
        assertThat(refused(CliRun.of("train", "--images", big.toString(), "--out", out, "--encoder-strides", "4,4,4")))
            .startsWith("error: The model would have 68,721,058,664 parameters");
        assertThat(files()).containsExactly("in/big.idx", "in/images-64.idx");
    }

    @Test
    void aLoweredNativeLimitRefusesTrainingWithTheEstimate() throws Exception {
        Path images = images(50, 8);
        String out = dir.resolve("model.zip").toString();
        try {
            System.setProperty(MemoryBudget.NATIVE_PROPERTY, "16k");
            String line = refused(CliRun.of("train", "--images", images.toString(), "--out", out, "--loss-csv",
                dir.resolve("loss.csv").toString(), "--iterations", "3", "--filters", "4", "--latent", "2"));
            assertThat(line).matches("error: Training needs about [0-9.]+ [KMG]iB of native memory, more than the "
                + "16 KiB available \\(the native limit set by vaenodes.memory.native\\); the largest part is .*");
        } finally {
            System.clearProperty(MemoryBudget.NATIVE_PROPERTY);
        }
        assertThat(files()).containsExactly("in/images-8.idx");
    }

    @Test
    void theLossCsvGetsEveryIterationStreamed() throws Exception {
        Path images = images(50, 8);
        Path csv = dir.resolve("out/loss.csv");
        CliRun r = CliRun.of("train", "--images", images.toString(), "--out", dir.resolve("out/m.zip").toString(), "--loss-csv",
            csv.toString(), "--iterations", "7", "--filters", "4", "--latent", "2", "--batch", "8");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(8);
        for (int i = 0; i < 7; i++) {
            assertThat(rows.get(i + 1)).startsWith(i + ",");
        }
        assertThat(files()).containsExactly("in/images-8.idx", "out/loss.csv", "out/m.zip");
    }

    @Test
    void samplingMoreThanAGridHoldsIsRefusedNamingCount() throws Exception {
        Path images = images(50, 8);
        Path model = dir.resolve("m.zip");
        assertThat(CliRun.of("train", "--images", images.toString(), "--out", model.toString(), "--iterations", "2",
            "--filters", "4", "--latent", "2").code()).isZero();
        String png = dir.resolve("grid.png").toString();
        assertThat(refused(CliRun.of("sample", "--model", model.toString(), "--count", "1000000", "--out", png)))
            .isEqualTo("error: --count 1,000,000 is more than the 10,000 images of 8×8 one grid may hold; use --count "
                + "10,000 or less (more grids with different --seed values)");
        // used to be "error: -589934592" (count × latent size overflowed)
        assertThat(refused(CliRun.of("sample", "--model", model.toString(), "--count", "1000000000", "--out", png)))
            .startsWith("error: --count 1,000,000,000 is more than the 10,000 images");
        try {
            System.setProperty(MemoryBudget.HEAP_PROPERTY, "2m");
            assertThat(refused(CliRun.of("sample", "--model", model.toString(), "--count", "5000", "--out", png)))
                .startsWith("error: Sampling 5,000 images needs about ").contains("of Java heap")
                .contains("use a --count of at most ");
        } finally {
            System.clearProperty(MemoryBudget.HEAP_PROPERTY);
        }
        assertThat(files()).containsExactly("in/images-8.idx", "m.zip");
        assertThat(CliRun.of("sample", "--model", model.toString(), "--count", "10000", "--columns", "100", "--out", png)
            .code()).isZero();
        assertThat(javax.imageio.ImageIO.read(new java.io.File(png)).getWidth()).isEqualTo(100 * 16 + 99 * 2);
    }
}
