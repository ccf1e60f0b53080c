package org.vaenodes.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngImagesTest {

    @TempDir
    Path dir;

    /** A 6×9 test pattern: a gradient over 0..1 with some out-of-range and NaN values. */
    private static float[] pattern(int h, int w, float shift) {
        float[] px = new float[h * w];
        for (int k = 0; k < px.length; k++) {
            px[k] = ((k * 0.137f + shift) % 1.2f) - 0.1f;
        }
        return px;
    }

    private static int expectedGray(float v) {
        if (Float.isNaN(v) || v <= 0f) {
            return 0;
        }
        if (v >= 1f) {
            return 255;
        }
        return Math.round(v * 255f);
    }

    @Test
    void pngRoundTripKeepsEveryGrayLevel() throws IOException {
        int h = 6;
        int w = 9;
        float[] buf = new float[3 + h * w];
        float[] px = pattern(h, w, 0.05f);
        System.arraycopy(px, 0, buf, 3, px.length);
        buf[3] = Float.NaN;
        buf[4] = 1.7f;
        buf[5] = -3f;
        buf[6] = 0.5f;

        byte[] png = PngImages.toPng(buf, 3, h, w);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        assertThat(back.getRaster().getNumBands()).isEqualTo(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(back.getRaster().getSample(x, y, 0))
                        .as("pixel (%d,%d)", y, x).isEqualTo(expectedGray(buf[3 + y * w + x]));
            }
        }
        assertThat(back.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(back.getRaster().getSample(1, 0, 0)).isEqualTo(255);
        assertThat(back.getRaster().getSample(2, 0, 0)).isZero();
        assertThat(back.getRaster().getSample(3, 0, 0)).isEqualTo(128);
    }

    @Test
    void exactLevelsSurviveFloatConversion() {
        float[] all = new float[256];
        for (int i = 0; i < 256; i++) {
            all[i] = i / 255f;
        }
        BufferedImage img = PngImages.toImage(all, 0, 16, 16);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 256; i++) {
            assertThat(img.getRaster().getSample(i % 16, i / 16, 0)).isEqualTo(i);
        }
    }

    @Test
    void gridPlacesTilesRowMajorWithPadding() throws IOException {
        int h = 4;
        int w = 5;
        List<float[]> tiles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            float[] t = new float[h * w];
            java.util.Arrays.fill(t, (i + 1) / 12f);
            tiles.add(t);
        }
        BufferedImage grid = PngImages.grid(tiles, h, w, 4, 2);
        // 3 rows × 4 columns, 2 px between tiles.
        assertThat(grid.getWidth()).isEqualTo(4 * w + 3 * 2);
        assertThat(grid.getHeight()).isEqualTo(3 * h + 2 * 2);
        for (int i = 0; i < 12; i++) {
            int x0 = (i % 4) * (w + 2);
            int y0 = (i / 4) * (h + 2);
            int g = Math.round((i + 1) / 12f * 255f);
            assertThat(grid.getRaster().getSample(x0, y0, 0)).isEqualTo(g);
            assertThat(grid.getRaster().getSample(x0 + w - 1, y0 + h - 1, 0)).isEqualTo(g);
        }
        // Padding is black.
        assertThat(grid.getRaster().getSample(w, 0, 0)).isZero();
        assertThat(grid.getRaster().getSample(w + 1, h + 1, 0)).isZero();

        BufferedImage fromArray = PngImages.grid(tiles.toArray(new float[0][]), h, w, 4, 2);
        assertThat(PngImages.toPngBytes(fromArray)).isEqualTo(PngImages.toPngBytes(grid));

        // Fewer images than columns: the grid is as wide as the images; a partial last row stays black.
        assertThat(PngImages.grid(tiles.subList(0, 3), h, w, 8, 1).getWidth()).isEqualTo(3 * w + 2);
        BufferedImage partial = PngImages.grid(tiles.subList(0, 5), h, w, 4, 0);
        assertThat(partial.getHeight()).isEqualTo(2 * h);
        assertThat(partial.getRaster().getSample(w, h, 0)).isZero();

        assertThatThrownBy(() -> PngImages.grid(List.of(), h, w, 4, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PngImages.grid(List.of(new float[3]), h, w, 4, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaledGridUsesNearestNeighbour() {
        float[] a = {0f, 1f, 1f, 0f};
        float[] b = {1f, 1f, 1f, 1f};
        BufferedImage grid = PngImages.grid(new float[][] {a, b}, 2, 2, 2, 1, 3);
        assertThat(grid.getWidth()).isEqualTo(2 * 6 + 1);
        assertThat(grid.getHeight()).isEqualTo(6);
        assertThat(grid.getRaster().getSample(2, 2, 0)).isZero();
        assertThat(grid.getRaster().getSample(3, 2, 0)).isEqualTo(255);
        assertThat(grid.getRaster().getSample(5, 0, 0)).isEqualTo(255);
        assertThat(grid.getRaster().getSample(0, 3, 0)).isEqualTo(255);
        assertThat(grid.getRaster().getSample(3, 3, 0)).isZero();
        assertThat(grid.getRaster().getSample(6, 0, 0)).isZero(); // padding
        assertThat(grid.getRaster().getSample(7, 5, 0)).isEqualTo(255);
    }

    @Test
    void writePngIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("sub").resolve("digits.png");
        BufferedImage first = PngImages.toImage(pattern(7, 7, 0.3f), 0, 7, 7);
        PngImages.writePng(first, out);
        BufferedImage second = PngImages.grid(new float[][] {pattern(7, 7, 0.1f), pattern(7, 7, 0.9f)}, 7, 7, 2, 1);
        PngImages.writePng(second, out); // replaces the first

        BufferedImage back = ImageIO.read(out.toFile());
        assertThat(back.getWidth()).isEqualTo(15);
        assertThat(Files.readAllBytes(out)).isEqualTo(PngImages.toPngBytes(second));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }
}
