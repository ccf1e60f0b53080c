package org.vaenodes.engine.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.vaenodes.engine.idx.IdxFixtures.concat;
import static org.vaenodes.engine.idx.IdxFixtures.gzip;
import static org.vaenodes.engine.idx.IdxFixtures.imageHeader;
import static org.vaenodes.engine.idx.IdxFixtures.labelHeader;
import static org.vaenodes.engine.idx.IdxFixtures.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.io.FileKind;

/** Files an attacker or a careless script hands the reader: headers that lie, pipes, folders. */
class IdxHostileFilesTest {

    @TempDir
    Path dir;

    /** Bytes this thread allocated while running {@code body}: HotSpot counts them per thread. */
    private static long allocatedBy(ThrowingRunnable body) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        body.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static byte[] tenImages() {
        byte[] px = new byte[10 * 28 * 28];
        new Random(7).nextBytes(px);
        return px;
    }

    @Test
    void gzipDeclaringTwoMillionImagesButHoldingTenIsTruncatedWithoutAllocatingForTheClaim() throws Exception {
        // 2,000,000 × 28 × 28 = 1.5 GiB declared, under the 2 GiB cap: before, the reader allocated it all first.
        Path f = write(dir, "liar.gz", gzip(concat(imageHeader(0x803, 2_000_000, 28, 28), tenImages())));
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith("liar.gz: truncated: expected 1,568,000,016 bytes, found 7,856"));
        assertThat(allocated).as("bytes allocated reading a 10-image file").isLessThan(32L << 20);

        // The same lie through a stream, where no length is known either.
        byte[] raw = concat(imageHeader(0x803, 2_000_000, 28, 28), tenImages());
        long viaStream = allocatedBy(() -> assertThatThrownBy(
                () -> IdxReader.readImages(new ByteArrayInputStream(raw), "piped images"))
                .isInstanceOf(IdxFormatException.class).hasMessageStartingWith("piped images: truncated"));
        assertThat(viaStream).isLessThan(32L << 20);
    }

    @Test
    void gzipLabelFileDeclaringHalfABillionLabelsButHoldingTenIsTruncatedCheaply() throws Exception {
        byte[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0};
        Path f = write(dir, "labels-liar.gz", gzip(concat(labelHeader(0x801, 500_000_000), ten)));
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> IdxReader.readLabels(f))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith("labels-liar.gz: truncated: expected 500,000,008 bytes, found 18"));
        assertThat(allocated).isLessThan(32L << 20);
    }

    @Test
    void growingBufferReadsValidFilesAroundAndAboveItsFirstChunk() throws IOException {
        // 1,048,576 bytes is the first chunk exactly; 3,000 images of 28×28 need two doublings past it.
        for (int[] shape : new int[][] {{1024, 32, 32}, {1025, 32, 32}, {3000, 28, 28}, {1, 1, 1}}) {
            int n = shape[0] * shape[1] * shape[2];
            byte[] px = new byte[n];
            new Random(n).nextBytes(px);
            IdxImages images = IdxImages.of(shape[1], shape[2], px);
            Path z = dir.resolve("grow-" + shape[0] + ".gz");
            IdxWriter.writeImages(z, images, true);
            assertThat(IdxReader.readImages(z)).isEqualTo(images);
            byte[] raw = concat(imageHeader(0x803, shape[0], shape[1], shape[2]), px);
            assertThat(IdxReader.readImages(new ByteArrayInputStream(raw), "stream")).isEqualTo(images);
        }
        int[] labels = new int[1_500_000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 31) & 0xff;
        }
        Path lz = dir.resolve("many-labels.gz");
        IdxWriter.writeLabels(lz, labels, true);
        assertThat(IdxReader.readLabels(lz).toArray()).isEqualTo(labels);
    }

    @Test
    void aFolderIsRefusedByName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        assertThatThrownBy(() -> IdxReader.readImages(folder))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith("mnist: is a folder, not a regular file");
        assertThatThrownBy(() -> IdxReader.readLabels(folder))
                .isInstanceOf(IdxFormatException.class).hasMessageStartingWith("mnist: is a folder");
        assertThatThrownBy(() -> IdxReader.readDataset(folder, null)).hasMessageStartingWith("mnist: ");
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        Path missing = dir.resolve("gone.idx");
        assertThatThrownBy(() -> IdxReader.readImages(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("gone.idx");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("images.fifo"));
        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.NAMED_PIPE);
        // Opening a pipe that has no writer blocks for ever: the refusal must come from its attributes alone.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThatThrownBy(() -> IdxReader.readImages(fifo))
                    .isInstanceOf(IdxFormatException.class)
                    .hasMessageStartingWith("images.fifo: is a named pipe (FIFO), not a regular file");
            assertThatThrownBy(() -> IdxReader.readLabels(fifo))
                    .isInstanceOf(IdxFormatException.class).hasMessageContaining("named pipe");
        });
        // A symbolic link to the pipe is the pipe.
        Path link = Files.createSymbolicLink(dir.resolve("link.idx"), fifo);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> IdxReader.readImages(link))
                .hasMessageStartingWith("link.idx: is a named pipe"));
    }

    /** Makes a named pipe with mkfifo(1); skips the calling test where there is none. */
    static Path mkfifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available on this system (" + e.getMessage() + "): named-pipe test skipped");
            throw e;
        }
        int code = p.waitFor();
        Assumptions.assumeTrue(code == 0 && Files.exists(path),
                "mkfifo failed with exit code " + code + ": named-pipe test skipped");
        return path;
    }
}
