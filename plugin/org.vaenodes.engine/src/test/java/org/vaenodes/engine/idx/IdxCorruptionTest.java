package org.vaenodes.engine.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaenodes.engine.idx.IdxFixtures.COLS;
import static org.vaenodes.engine.idx.IdxFixtures.COUNT;
import static org.vaenodes.engine.idx.IdxFixtures.ROWS;
import static org.vaenodes.engine.idx.IdxFixtures.concat;
import static org.vaenodes.engine.idx.IdxFixtures.gzip;
import static org.vaenodes.engine.idx.IdxFixtures.imageHeader;
import static org.vaenodes.engine.idx.IdxFixtures.labelHeader;
import static org.vaenodes.engine.idx.IdxFixtures.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxCorruptionTest {

    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> assertImagesFail(Path file) {
        return assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(file.getFileName() + ": ");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertLabelsFail(Path file) {
        return assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(file.getFileName() + ": ");
    }

    @Test
    void badMagicNumberNamesFoundAndExpected() throws IOException {
        // A label file given where images are expected: the message in the brief, verbatim.
        Path labels = write(dir, "t10k-images-idx3-ubyte.gz", gzip(IdxFixtures.rawLabelFile()));
        assertImagesFail(labels).hasMessageStartingWith(
                "t10k-images-idx3-ubyte.gz: bad magic number 0x00000801, expected 0x00000803 (IDX image file)");

        Path images = write(dir, "labels.idx", IdxFixtures.rawImageFile());
        assertLabelsFail(images).hasMessageContaining(
                "bad magic number 0x00000803, expected 0x00000801 (IDX label file)");

        Path floats = write(dir, "floats.idx", concat(imageHeader(0x0d03, 1, 1, 1), new byte[4]));
        assertImagesFail(floats).hasMessageContaining("bad magic number 0x00000d03")
                .hasMessageContaining("only unsigned-byte");

        Path text = write(dir, "notes.txt", "hello, world: not an IDX file".getBytes());
        assertImagesFail(text).hasMessageContaining("bad magic number 0x68656c6c");
    }

    @Test
    void truncatedRawFileReportsExpectedAndFoundLength() throws IOException {
        byte[] full = IdxFixtures.rawImageFile();
        Path f = write(dir, "short-images", Arrays.copyOf(full, full.length - 10));
        assertImagesFail(f).hasMessage(String.format("short-images: truncated: expected %d bytes, found %d",
                full.length, full.length - 10));

        byte[] fullLabels = IdxFixtures.rawLabelFile();
        Path l = write(dir, "short-labels", Arrays.copyOf(fullLabels, fullLabels.length - 1));
        assertLabelsFail(l).hasMessage("short-labels: truncated: expected 15 bytes, found 14");

        Path header = write(dir, "half-header", Arrays.copyOf(full, 10));
        assertImagesFail(header).hasMessage("half-header: truncated: expected 16 header bytes, found 10");

        Path tiny = write(dir, "tiny", new byte[] {0, 0});
        assertImagesFail(tiny).hasMessageContaining("truncated");
    }

    @Test
    void truncatedGzipFileIsReportedAsTruncated() throws IOException {
        byte[] z = gzip(IdxFixtures.rawImageFile());
        // Compressed stream cut in the middle: EOF inside the deflate data.
        Path cut = write(dir, "cut.gz", Arrays.copyOf(z, z.length / 2));
        assertImagesFail(cut).hasMessageContaining("truncated");

        // Complete deflate data and a missing trailer.
        Path noTrailer = write(dir, "no-trailer.gz", Arrays.copyOf(z, z.length - 8));
        assertImagesFail(noTrailer).hasMessageContaining("truncated");

        // A perfectly valid gzip stream whose content is too short.
        byte[] raw = IdxFixtures.rawImageFile();
        Path shortContent = write(dir, "short-content.gz", gzip(Arrays.copyOf(raw, raw.length - 3)));
        assertImagesFail(shortContent).hasMessageContaining(String.format(
                "truncated: expected %d bytes, found %d", raw.length, raw.length - 3));

        byte[] lz = gzip(IdxFixtures.rawLabelFile());
        Path labels = write(dir, "labels-cut.gz", Arrays.copyOf(lz, lz.length - 12));
        assertLabelsFail(labels).hasMessageContaining("truncated");
    }

    @Test
    void emptyFileIsNamedAsSuch() throws IOException {
        Path f = write(dir, "empty.idx", new byte[0]);
        assertImagesFail(f).hasMessage("empty.idx: empty file");
        assertLabelsFail(f).hasMessage("empty.idx: empty file");
        assertThatThrownBy(() -> IdxReader.readImages(InputStream.nullInputStream(), "some stream"))
                .isInstanceOf(IdxFormatException.class).hasMessage("some stream: empty file");
    }

    @Test
    void extraBytesAfterTheDeclaredDataAreAnError() throws IOException {
        byte[] withExtra = concat(IdxFixtures.rawImageFile(), new byte[] {1, 2, 3});
        Path raw = write(dir, "extra.idx", withExtra);
        assertImagesFail(raw).hasMessageContaining("3 unexpected trailing bytes")
                .hasMessageContaining(COUNT + " images of " + ROWS + "×" + COLS);

        // A count smaller than the data: the same error.
        byte[] px = IdxFixtures.pixels();
        Path fewer = write(dir, "fewer.idx", concat(imageHeader(0x803, COUNT - 1, ROWS, COLS), px));
        assertImagesFail(fewer).hasMessageContaining(ROWS * COLS + " unexpected trailing bytes");

        Path z = write(dir, "extra.gz", gzip(withExtra));
        assertImagesFail(z).hasMessageContaining("3 unexpected trailing bytes");

        Path labels = write(dir, "labels-extra", concat(IdxFixtures.rawLabelFile(), new byte[] {9}));
        assertLabelsFail(labels).hasMessageContaining("1 unexpected trailing byte");

        try (InputStream in = new ByteArrayInputStream(withExtra)) {
            assertThatThrownBy(() -> IdxReader.readImages(in, "a stream"))
                    .isInstanceOf(IdxFormatException.class)
                    .hasMessageStartingWith("a stream: ")
                    .hasMessageContaining("3 unexpected trailing bytes");
        }
    }

    @Test
    void absurdDimensionsAreRefused() throws IOException {
        Path zeroRows = write(dir, "zero-rows", concat(imageHeader(0x803, 1, 0, 28), new byte[0]));
        assertImagesFail(zeroRows).hasMessageContaining("images of 0×28 pixels")
                .hasMessageContaining("must each be 1..4096");

        Path wide = write(dir, "wide", imageHeader(0x803, 1, 1, 100_000));
        assertImagesFail(wide).hasMessageContaining("images of 1×100,000 pixels");

        Path negative = write(dir, "negative", imageHeader(0x803, 1, -1, 28));
        assertImagesFail(negative).hasMessageContaining("must each be 1..4096");

        Path noImages = write(dir, "no-images", imageHeader(0x803, 0, 28, 28));
        assertImagesFail(noImages).hasMessageContaining("header declares 0 images");

        Path noLabels = write(dir, "no-labels", labelHeader(0x801, 0));
        assertLabelsFail(noLabels).hasMessageContaining("header declares 0 labels");
    }

    @Test
    void absurdCountIsRefusedFromTheHeaderBeforeAllocating() throws IOException {
        // Header only: 2,000,000,000 images of 28×28 would be 1.4 TiB. Must fail at once, not try to allocate.
        Path f = write(dir, "huge.idx", imageHeader(0x803, 2_000_000_000, 28, 28));
        Path z = write(dir, "huge.gz", gzip(imageHeader(0x803, 2_000_000_000, 28, 28)));
        for (Path p : new Path[] {f, z}) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                    assertImagesFail(p).hasMessageEndingWith(
                            "header declares 2,000,000,000 images of 28×28 = 1.4 TiB, more than the limit of 2.0 GiB"));
        }

        // Unsigned count above 2^31.
        Path unsigned = write(dir, "unsigned.idx", imageHeader(0x803, 0xffff_ffff, 1, 1));
        assertImagesFail(unsigned).hasMessageContaining("4,294,967,295 images");

        // Under the cap but more than one array can hold.
        Path bigArray = write(dir, "big-array.idx", imageHeader(0x803, 0x8000_0000, 1, 1));
        assertThatThrownBy(() -> IdxReader.withMaxBytes(1L << 40).images(bigArray))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("more than one Java array can hold");

        // A configurable cap: the small fixture is refused under a 100-byte limit, whatever its file length.
        Path small = write(dir, "small.idx", IdxFixtures.rawImageFile());
        IdxReader strict = IdxReader.withMaxBytes(100);
        assertThat(strict.maxBytes()).isEqualTo(100);
        assertThatThrownBy(() -> strict.images(small))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("small.idx: header declares 7 images of 5×3 = 105 bytes, more than the limit of 100 bytes");
        assertThat(IdxReader.withMaxBytes(105).images(small).count()).isEqualTo(COUNT);

        Path labels = write(dir, "labels.idx", labelHeader(0x801, 2_000_000_000));
        assertLabelsFail(labels).hasMessageContaining("more than the limit of 2.0 GiB");
        assertThatThrownBy(() -> IdxReader.withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelAndImageCountMismatchIsReportedByReadDataset() throws IOException {
        Path img = dir.resolve("imgs.idx");
        Path lab = dir.resolve("labs.idx");
        IdxWriter.writeImages(img, ROWS, COLS, IdxFixtures.pixels(), false);
        IdxWriter.writeLabels(lab, new int[] {1, 2, 3}, true);
        assertThatThrownBy(() -> IdxReader.readDataset(img, lab))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage("labs.idx: 3 labels, but imgs.idx has 7 images: the counts must be equal");
        assertThatThrownBy(() -> new IdxDataset(IdxReader.readImages(img), IdxReader.readLabels(lab)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenGzipDataGivesAClearError() throws IOException {
        // A valid gzip header (magic, deflate, no flags), then garbage: 0xff starts a block of reserved type 3.
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        Path f = write(dir, "broken.gz", concat(header, garbage));
        assertImagesFail(f).hasMessageContaining("corrupt gzip data").hasMessageContaining("not a valid gzip stream");
        assertLabelsFail(f).hasMessageContaining("corrupt gzip data");

        // The gzip magic, then a bad compression method: rejected while reading the gzip header.
        Path badMethod = write(dir, "bad-method.gz", concat(new byte[] {0x1f, (byte) 0x8b, 7, 0}, garbage));
        assertImagesFail(badMethod).hasMessageContaining("not a valid gzip stream");

        // Only the gzip magic.
        Path magicOnly = write(dir, "magic-only.gz", new byte[] {0x1f, (byte) 0x8b});
        assertImagesFail(magicOnly).hasMessageContaining("truncated");

        // A corrupted CRC in the trailer.
        byte[] z = gzip(IdxFixtures.rawImageFile());
        z[z.length - 8] ^= 0x55;
        Path badCrc = write(dir, "bad-crc.gz", z);
        assertImagesFail(badCrc).hasMessageContaining("corrupt gzip data");
    }
}
