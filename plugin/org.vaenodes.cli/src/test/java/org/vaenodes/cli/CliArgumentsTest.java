package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.testing.TinyData;

/** Option values out of range: one line naming the option, exit code 2, before any work. */
class CliArgumentsTest {

    @TempDir
    static Path shared;

    static Path images;
    static Path model;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        images = shared.resolve("images.idx.gz");
        IdxWriter.writeImages(images, TinyData.squares(20, 8, 8, 4), true);
        model = shared.resolve("model.zip");
        CliRun train = CliRun.of("train", "--images", images.toString(), "--out", model.toString(),
                "--iterations", "1", "--filters", "4", "--latent", "2", "--batch", "8");
        assertThat(train.code()).as(train.err()).isZero();
    }

    private static String usageError(String... args) {
        return CliRun.of(args).failsWith(2);
    }

    @Test
    void benchRejectsANegativeOrZeroGenerateCountAndNonsenseSizes() {
        assertThat(usageError("bench", "--generate", "-5")).isEqualTo(
                "error: --generate -5: must be 1.." + BenchCommand.MAX_GENERATED);
        assertThat(usageError("bench", "--generate", "0")).startsWith("error: --generate 0: must be 1..");
        assertThat(usageError("bench", "--generate", "3000000")).startsWith("error: --generate 3000000: must be 1..");
        assertThat(usageError("bench", "--iterations", "0")).isEqualTo("error: --iterations 0: must be at least 1");
        assertThat(usageError("bench", "--warmup", "-1")).isEqualTo("error: --warmup -1: must be at least 0");
        assertThat(usageError("bench", "--batch", "0")).isEqualTo("error: --batch 0: must be 1..65536");
        assertThat(usageError("bench", "--generate", "10", "--images", images.toString()))
                .contains("--images and --generate");
    }

    @Test
    void threadsOutsideOneToFourTimesTheProcessorsAreRejectedBeforeOrAfterTheCommand() {
        int max = VaeCli.MAX_THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
        String range = "must be 1.." + max + " (" + VaeCli.MAX_THREADS_PER_PROCESSOR + "× the "
                + Runtime.getRuntime().availableProcessors() + " available processors; more only wait for a core)";
        assertThat(usageError("--threads", "-3", "evaluate", "--model", model.toString(), "--images", images.toString()))
                .isEqualTo("error: --threads -3: " + range);
        assertThat(usageError("evaluate", "--threads", "0", "--model", model.toString(), "--images", images.toString()))
                .isEqualTo("error: --threads 0: " + range);
        assertThat(usageError("bench", "--threads", "999")).isEqualTo("error: --threads 999: " + range);
        assertThat(usageError("train", "--threads", String.valueOf(max + 1), "--images", images.toString(),
                "--out", shared.resolve("never.zip").toString())).contains("--threads " + (max + 1));
        assertThat(shared.resolve("never.zip")).doesNotExist();

        CliRun ok = CliRun.of("evaluate", "--threads", "1", "--model", model.toString(), "--images", images.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void reconstructAndSampleRejectCountsAndColumnsBelowOne() {
        String m = model.toString();
        String out = shared.resolve("grid.png").toString();
        assertThat(usageError("reconstruct", "--model", m, "--images", images.toString(), "--count", "0", "--out", out))
                .isEqualTo("error: --count 0: must be at least 1");
        assertThat(usageError("reconstruct", "--model", m, "--images", images.toString(), "--columns", "-2", "--out", out))
                .isEqualTo("error: --columns -2: must be at least 1");
        assertThat(usageError("sample", "--model", m, "--count", "0", "--out", out))
                .isEqualTo("error: --count 0: must be at least 1");
        assertThat(usageError("sample", "--model", m, "--columns", "0", "--out", out))
                .isEqualTo("error: --columns 0: must be at least 1");
        assertThat(shared.resolve("grid.png")).doesNotExist();
    }

    @Test
    void parseErrorsAreOneLineWithAPointerToHelp() {
        assertThat(usageError("train", "--images", images.toString(), "--out", "x.zip", "--no-such-option"))
                .isEqualTo("error: Unknown option: '--no-such-option' (see 'vae-cli train --help')");
        assertThat(usageError("sample", "--model", model.toString(), "--count", "many", "--out", "x.png"))
                .contains("'many' is not an int").endsWith("(see 'vae-cli sample --help')");
    }

    @Test
    void aHugeKlWeightNamesTheKlWeightNotOnlyTheLearningRate() {
        CliRun run = CliRun.of("train", "--images", images.toString(), "--out", shared.resolve("beta.zip").toString(),
                "--beta", "1e39", "--iterations", "3", "--filters", "4", "--latent", "2", "--batch", "8");
        assertThat(run.failsWith(1)).contains("KL weight β = 1.0E39 is too large")
                .contains("the learning rate is not the cause");
        assertThat(shared.resolve("beta.zip")).doesNotExist();
    }
}
