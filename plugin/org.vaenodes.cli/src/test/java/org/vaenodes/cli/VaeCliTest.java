package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.testing.TinyData;

class VaeCliTest {

    @TempDir
    Path dir;

    /** Runs the CLI, returning {exit code, stdout, stderr}. */
    private Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = VaeCli.execute(args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void trainEvaluateSampleReconstructEncode() throws Exception {
        Path images = dir.resolve("images.idx.gz");
        IdxWriter.writeImages(images, TinyData.squares(50, 8, 8, 4), true);
        Path model = dir.resolve("out/model.zip");
        Path csv = dir.resolve("out/loss.csv");
        Object[] train = run("train", "--images", images.toString(), "--out", model.toString(), "--loss-csv",
                csv.toString(), "--iterations", "4", "--filters", "4", "--latent", "2", "--batch", "16");
        assertThat(train[0]).as("stderr: %s", train[2]).isEqualTo(0);
        assertThat((String) train[1]).contains("iteration 1/4").contains("saved");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("iteration,loss,reconstruction,kl,elapsed_s");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("0,");
        assertThat(rows.get(4)).startsWith("3,");

        Object[] eval = run("evaluate", "--model", model.toString(), "--images", images.toString());
        assertThat(eval[0]).isEqualTo(0);
        assertThat(((String) eval[1]).strip()).matches("loss: [0-9.]+ reconstruction: [0-9.]+ kl: [0-9.]+");

        Path samples = dir.resolve("samples.png");
        assertThat(run("sample", "--model", model.toString(), "--count", "6", "--columns", "3", "--out", samples.toString())[0]).isEqualTo(0);
        assertThat(ImageIO.read(samples.toFile())).isNotNull();
        Path grid = dir.resolve("rec.png");
        assertThat(run("reconstruct", "--model", model.toString(), "--images", images.toString(), "--count", "4", "--out", grid.toString())[0]).isEqualTo(0);
        assertThat(ImageIO.read(grid.toFile()).getHeight()).isGreaterThan(ImageIO.read(grid.toFile()).getWidth() / 4);
        Path latent = dir.resolve("z.csv");
        assertThat(run("encode", "--model", model.toString(), "--images", images.toString(), "--out", latent.toString())[0]).isEqualTo(0);
        List<String> z = Files.readAllLines(latent);
        assertThat(z.get(0)).isEqualTo("index,z_mean_0,z_mean_1,z_logstd_0,z_logstd_1");
        assertThat(z).hasSize(51);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void errorsAreOneLineAndNonZero() throws Exception {
        Object[] missing = run("evaluate", "--model", dir.resolve("none.zip").toString(), "--images", dir.resolve("none.idx").toString());
        assertThat(missing[0]).isEqualTo(1);
        assertThat(((String) missing[2]).strip()).startsWith("error: ").contains("none.idx").doesNotContain("\n").doesNotContain("Exception");

        Path bad = dir.resolve("bad.idx");
        Files.write(bad, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7});
        Object[] wrongMagic = run("train", "--images", bad.toString(), "--out", dir.resolve("m.zip").toString());
        assertThat(wrongMagic[0]).isEqualTo(1);
        assertThat(((String) wrongMagic[2]).strip()).startsWith("error: bad.idx").doesNotContain("\n");
        assertThat(dir.resolve("m.zip")).doesNotExist();

        Object[] usage = run("train", "--out", "x.zip");
        assertThat(usage[0]).isEqualTo(2);
        assertThat((String) usage[2]).contains("--images");
    }
}
