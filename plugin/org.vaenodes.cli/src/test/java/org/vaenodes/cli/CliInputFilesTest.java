package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.testing.TinyData;

/** Inputs that are not regular files, or whose header lies about their size. */
class CliInputFilesTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

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

    private Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available on this system (" + e.getMessage() + "): named-pipe test skipped");
            throw e;
        }
        mk.getInputStream().readAllBytes();
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed: named-pipe test skipped");
        return p;
    }

    @Test
    void aNamedPipeAsAnyInputIsRefusedAtOnceByOptionAndPath() throws Exception {
        Path pipe = fifo("data.fifo");
        String p = pipe.toString();
        String img = images.toString();
        String mod = model.toString();
        List<String[]> runs = List.of(
                new String[] {"train", "--images", p, "--out", dir.resolve("m.zip").toString()},
                new String[] {"train", "--images", img, "--labels", p, "--out", dir.resolve("m.zip").toString()},
                new String[] {"evaluate", "--model", mod, "--images", p},
                new String[] {"evaluate", "--model", p, "--images", img},
                new String[] {"encode", "--model", mod, "--images", p, "--out", dir.resolve("z.csv").toString()},
                new String[] {"reconstruct", "--model", mod, "--images", p, "--out", dir.resolve("r.png").toString()},
                new String[] {"sample", "--model", p, "--out", dir.resolve("s.png").toString()},
                new String[] {"bench", "--images", p, "--iterations", "1", "--warmup", "0"});
        // A pipe without a writer blocks whoever opens it: every refusal has to come before opening.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String[] args : runs) {
                String line = CliRun.of(args).failsWith(1);
                assertThat(line).as(String.join(" ", args))
                        .matches("error: --(images|labels|model) " + java.util.regex.Pattern.quote(p)
                                + ": is a named pipe \\(FIFO\\), not a regular file");
            }
        });
        assertThat(dir.resolve("m.zip")).doesNotExist();
    }

    @Test
    void aFolderAsInputIsNamed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        String line = CliRun.of("train", "--images", folder.toString(), "--out", dir.resolve("m.zip").toString())
                .failsWith(1);
        // a folder is read as image files (--images DIR); an empty one is named
        assertThat(line).isEqualTo("error: " + folder + ": no PNG or JPEG files (.png, .jpg, .jpeg) in it or its sub-folders");
        String model = CliRun.of("sample", "--model", folder.toString(), "--out", dir.resolve("s.png").toString())
                .failsWith(1);
        assertThat(model).isEqualTo("error: --model " + folder + ": is a folder, not a regular file");
    }

    @Test
    void aGzipHeaderClaimingTwoMillionImagesOverTenIsOneLineNotAnOutOfMemoryError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(ByteBuffer.allocate(16).putInt(0x803).putInt(2_000_000).putInt(28).putInt(28).array());
            z.write(new byte[10 * 28 * 28]);
        }
        Path liar = Files.write(dir.resolve("liar-images.gz"), bytes.toByteArray());
        String line = CliRun.of("train", "--images", liar.toString(), "--out", dir.resolve("m.zip").toString())
                .failsWith(1);
        assertThat(line).startsWith("error: liar-images.gz: truncated: expected 1,568,000,016 bytes, found 7,856");
        assertThat(dir.resolve("m.zip")).doesNotExist();
    }
}
