package org.vaenodes.engine.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaenodes.engine.idx.IdxFixtures.COLS;
import static org.vaenodes.engine.idx.IdxFixtures.COUNT;
import static org.vaenodes.engine.idx.IdxFixtures.ROWS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxRoundTripTest {

    @TempDir
    Path dir;

    private static void assertFixtureImages(IdxImages images) {
        byte[] expected = IdxFixtures.pixels();
        assertThat(images.count()).isEqualTo(COUNT);
        assertThat(images.size()).isEqualTo(COUNT);
        assertThat(images.rows()).isEqualTo(ROWS);
        assertThat(images.height()).isEqualTo(ROWS);
        assertThat(images.cols()).isEqualTo(COLS);
        assertThat(images.width()).isEqualTo(COLS);
        assertThat(images.pixelsPerImage()).isEqualTo(ROWS * COLS);
        assertThat(images.rawBytes()).isEqualTo(expected);
        int n = ROWS * COLS;
        float[] dst = new float[n + 4];
        for (int i = 0; i < COUNT; i++) {
            images.copyImage(i, dst, 2);
            int[] raw = images.rawImage(i);
            for (int k = 0; k < n; k++) {
                int b = expected[i * n + k] & 0xff;
                assertThat(raw[k]).isEqualTo(b);
                assertThat(images.rawPixel(i, k)).isEqualTo(b);
                assertThat(images.rawPixel(i, k / COLS, k % COLS)).isEqualTo(b);
                assertThat(dst[2 + k]).isEqualTo(b / 255f);
            }
            assertThat(dst[0]).isZero();
            assertThat(dst[n + 2]).isZero();
        }
        images.copyImage(0, dst, 0);
        assertThat(dst[0]).isEqualTo(0f);
        assertThat(dst[1]).isEqualTo(1.0f);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void writerAndReaderRoundTripImagesAndLabels(boolean gzip) throws IOException {
        Path img = dir.resolve(gzip ? "imgs.bin" : "imgs.gz"); // the name must not matter
        Path lab = dir.resolve("labs");
        IdxWriter.writeImages(img, ROWS, COLS, IdxFixtures.pixels(), gzip);
        IdxWriter.writeLabels(lab, IdxFixtures.labels(), gzip);

        byte[] head = Files.readAllBytes(img);
        assertThat(head[0] == (byte) 0x1f && head[1] == (byte) 0x8b).isEqualTo(gzip);
        if (!gzip) {
            assertThat(head).isEqualTo(IdxFixtures.rawImageFile());
            assertThat(Files.readAllBytes(lab)).isEqualTo(IdxFixtures.rawLabelFile());
        }

        assertFixtureImages(IdxReader.readImages(img));
        IdxLabels labels = IdxReader.readLabels(lab);
        assertThat(labels.count()).isEqualTo(COUNT);
        assertThat(labels.toArray()).containsExactly(IdxFixtures.labels());
        assertThat(labels.label(3)).isEqualTo(255);

        IdxDataset ds = IdxReader.readDataset(img, lab);
        assertThat(ds.hasLabels()).isTrue();
        assertThat(ds.size()).isEqualTo(COUNT);
        assertThat(ds.labels()).isEqualTo(labels);
        assertFixtureImages(ds.images());

        IdxDataset unlabeled = IdxReader.readDataset(img, null);
        assertThat(unlabeled.labels()).isNull();
        assertThat(unlabeled.hasLabels()).isFalse();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    img.getFileName().toString(), "labs");
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsHandMadeFilesFromStreams(boolean gzip) throws IOException {
        byte[] imgBytes = IdxFixtures.rawImageFile();
        byte[] labBytes = IdxFixtures.rawLabelFile();
        if (gzip) {
            imgBytes = IdxFixtures.gzip(imgBytes);
            labBytes = IdxFixtures.gzip(labBytes);
        }
        try (InputStream in = new ByteArrayInputStream(imgBytes)) {
            assertFixtureImages(IdxReader.readImages(in, "stream"));
        }
        try (InputStream in = new ByteArrayInputStream(labBytes)) {
            assertThat(IdxReader.readLabels(in, "stream").toArray()).containsExactly(IdxFixtures.labels());
        }
    }

    @Test
    void streamWritersProduceTheRawFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdxWriter.writeImages(out, IdxImages.of(ROWS, COLS, IdxFixtures.pixels()));
        assertThat(out.toByteArray()).isEqualTo(IdxFixtures.rawImageFile());
        out.reset();
        IdxWriter.writeLabels(out, IdxLabels.of(IdxFixtures.labels()));
        assertThat(out.toByteArray()).isEqualTo(IdxFixtures.rawLabelFile());
    }

    @Test
    void writerReplacesAnExistingFile() throws IOException {
        Path f = dir.resolve("x.idx");
        Files.writeString(f, "old content");
        IdxWriter.writeLabels(f, new int[] {1, 2}, false);
        assertThat(IdxReader.readLabels(f).toArray()).containsExactly(1, 2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void factoryCopiesAndValidates() {
        byte[] px = IdxFixtures.pixels();
        IdxImages images = IdxImages.of(ROWS, COLS, px);
        px[5] = 42;
        assertThat(images.rawPixel(0, 5)).isNotEqualTo(42);
        assertThatThrownBy(() -> IdxImages.of(ROWS, COLS, new byte[ROWS * COLS + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdxImages.of(0, COLS, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdxLabels.of(1, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> images.copyImage(COUNT, new float[ROWS * COLS], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> images.copyImage(0, new float[ROWS * COLS], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void subsetKeepsTheFirstImagesAndLabels() {
        IdxImages images = IdxImages.of(ROWS, COLS, IdxFixtures.pixels());
        IdxImages sub = images.subset(3);
        assertThat(sub.count()).isEqualTo(3);
        assertThat(sub.rawImage(2)).containsExactly(images.rawImage(2));
        assertThat(images.subset(100)).isSameAs(images);
        assertThatThrownBy(() -> sub.rawImage(3)).isInstanceOf(IndexOutOfBoundsException.class);

        IdxDataset ds = new IdxDataset(images, IdxLabels.of(IdxFixtures.labels())).subset(2);
        assertThat(ds.size()).isEqualTo(2);
        assertThat(ds.labels().toArray()).containsExactly(3, 0);
    }

    @Test
    void byteSizesAreFormattedReadably() {
        assertThat(IdxReader.formatBytes(812)).isEqualTo("812 bytes");
        assertThat(IdxReader.formatBytes(2L << 30)).isEqualTo("2.0 GiB");
        assertThat(IdxReader.formatBytes(1_568_000_000_000L)).isEqualTo("1.4 TiB");
    }
}
