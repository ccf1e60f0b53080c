package org.vaenodes.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Colour pictures to float images and back, gray/RGB conversion, alpha, resizing and header-checked decoding. */
class ColourImagesTest {

    /** 2×3 RGB values, channel-major, multiples of 1/255. */
    private static float[] sample() {
        float[] v = new float[3 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 47) % 256) / 255f;
        }
        return v;
    }

    @Test
    void rgbRoundTripsThroughPngExactly() throws IOException {
        float[] v = sample();
        byte[] png = PngImages.toPng(v, 0, 3, 2, 3);
        BufferedImage read = ImageFiles.decode(png, "sample.png");
        assertThat(ImageConversion.isColour(read)).isTrue();
        assertThat(ImageConversion.toFloats(read, 3)).containsExactly(v);
        BufferedImage image = PngImages.toImage(v, 0, 3, 2, 3);
        // channel-major: red plane first; pixel (y=1, x=2) is index 5 of each plane
        int rgb = image.getRGB(2, 1);
        assertThat((rgb >> 16) & 0xFF).isEqualTo(Math.round(v[5] * 255));
        assertThat((rgb >> 8) & 0xFF).isEqualTo(Math.round(v[6 + 5] * 255));
        assertThat(rgb & 0xFF).isEqualTo(Math.round(v[12 + 5] * 255));
    }

    @Test
    void grayPngGivesTheSameFloatsAsIdxPixels() throws IOException {
        BufferedImage gray = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] levels = {0, 1, 128, 255};
        for (int x = 0; x < 4; x++) {
            gray.getRaster().setSample(x, 0, 0, levels[x]);
        }
        BufferedImage read = ImageFiles.decode(png(gray), "gray.png");
        float[] one = ImageConversion.toFloats(read, 1);
        float[] three = ImageConversion.toFloats(read, 3);
        for (int x = 0; x < 4; x++) {
            assertThat(one[x]).isEqualTo(levels[x] / 255f);
            for (int c = 0; c < 3; c++) {
                assertThat(three[c * 4 + x]).as("gray repeated in every channel").isEqualTo(levels[x] / 255f);
            }
        }
        assertThat(ImageConversion.isColour(read)).isFalse();
    }

    @Test
    void sixteenBitGrayIsScaledByItsOwnRange() throws IOException {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray.getRaster().setSample(0, 0, 0, 65535);
        gray.getRaster().setSample(1, 0, 0, 32768);
        float[] v = ImageConversion.toFloats(ImageFiles.decode(png(gray), "g16.png"), 1);
        assertThat(v).containsExactly(1f, 32768 / 65535f);
    }

    @Test
    void alphaIsDroppedAndColourBecomesLuma() throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00FF0000); // fully transparent red
        argb.setRGB(1, 0, 0x8000FF00); // half transparent green
        BufferedImage read = ImageFiles.decode(png(argb), "alpha.png");
        float[] rgb = ImageConversion.toFloats(read, 3);
        assertThat(rgb).containsExactly(1f, 0f, 0f, 1f, 0f, 0f);
        float[] gray = ImageConversion.toFloats(read, 1);
        assertThat((double) gray[0]).isCloseTo(0.299, Offset.offset(1e-6));
        assertThat((double) gray[1]).isCloseTo(0.587, Offset.offset(1e-6));
        assertThat(ImageConversion.convertChannels(rgb, 3, 1, 1, 2)).containsExactly(gray);
        assertThat(ImageConversion.convertChannels(gray, 1, 3, 1, 2)).containsExactly(gray[0], gray[1], gray[0], gray[1],
                gray[0], gray[1]);
    }

    @Test
    void paletteImagesAreReadThroughTheirColours() throws IOException {
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(0, 0, 0xFF0000FF);
        indexed.setRGB(1, 0, 0xFFFFFFFF);
        float[] rgb = ImageConversion.toFloats(ImageFiles.decode(png(indexed), "palette.png"), 3);
        assertThat(rgb).containsExactly(0f, 1f, 0f, 1f, 1f, 1f);
    }

    @Test
    void resizeAveragesAreasWhenShrinkingAndInterpolatesWhenEnlarging() {
        // 1×4 → 1×2: each output is the mean of two inputs
        assertThat(ImageResize.resize(new float[] {0, 1, 0.5f, 0.5f}, 1, 1, 4, 1, 2)).containsExactly(0.5f, 0.5f);
        // 1×3 → 1×2: outputs cover 1.5 inputs each
        float[] third = ImageResize.resize(new float[] {0, 0.6f, 0.9f}, 1, 1, 3, 1, 2);
        assertThat((double) third[0]).isCloseTo((0 + 0.5 * 0.6) / 1.5, Offset.offset(1e-6));
        assertThat((double) third[1]).isCloseTo((0.5 * 0.6 + 0.9) / 1.5, Offset.offset(1e-6));
        // 1×2 → 1×4 bilinear: centres at -0.25, 0.25, 0.75, 1.25 → clamped 0, then 0.25, 0.75, clamped 1
        assertThat(ImageResize.resize(new float[] {0, 1}, 1, 1, 2, 1, 4)).containsExactly(0f, 0.25f, 0.75f, 1f);
        // channels stay apart, both axes resized; a constant image stays constant
        float[] two = new float[2 * 6 * 6];
        java.util.Arrays.fill(two, 0, 36, 0.25f);
        java.util.Arrays.fill(two, 36, 72, 0.75f);
        float[] out = ImageResize.resize(two, 2, 6, 6, 4, 9);
        assertThat(out).hasSize(2 * 36);
        for (int i = 0; i < 36; i++) {
            assertThat((double) out[i]).isCloseTo(0.25, Offset.offset(1e-6));
            assertThat((double) out[36 + i]).isCloseTo(0.75, Offset.offset(1e-6));
        }
        assertThat(ImageResize.resize(sample(), 3, 2, 3, 2, 3)).containsExactly(sample());
    }

    @Test
    void colourGridHasColourTiles() {
        float[] red = new float[3 * 4];
        java.util.Arrays.fill(red, 0, 4, 1f);
        float[] blue = new float[3 * 4];
        java.util.Arrays.fill(blue, 8, 12, 1f);
        float[] both = new float[24];
        System.arraycopy(red, 0, both, 0, 12);
        System.arraycopy(blue, 0, both, 12, 12);
        BufferedImage grid = ImageGrids.tiles(both, 2, 3, 2, 2, 2);
        assertThat(grid.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(grid.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        int x = 2 * ImageGrids.SCALE + ImageGrids.PADDING;
        assertThat(grid.getRGB(x, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        BufferedImage pairs = ImageGrids.comparison(red, blue, 1, 3, 2, 2, 4);
        assertThat(pairs.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(pairs.getRGB(0, pairs.getHeight() - 1) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThatThrownBy(() -> ImageGrids.tiles(both, 2, 2, 2, 2, 2)).hasMessageContaining("channels must be 1");
    }

    @Test
    void brokenAndOversizedPicturesAreRefusedNamingTheSource() throws IOException {
        byte[] good = png(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> ImageFiles.decode(truncated, "row 7")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("row 7: ");
        assertThatThrownBy(() -> ImageFiles.decode(new byte[] {1, 2, 3, 4}, "junk.png")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("junk.png: not a PNG or JPEG image");
        // a header claiming 100000×100000 pixels: refused before decoding
        byte[] huge = good.clone();
        writeInt(huge, 16, 100_000);
        writeInt(huge, 20, 100_000);
        assertThatThrownBy(() -> ImageFiles.header(huge, "huge.png")).isInstanceOf(IOException.class)
                .hasMessageContaining("huge.png: the picture is 100000×100000 pixels");
        assertThat(ImageFiles.header(good, "good.png")).isEqualTo(new ImageFiles.Header(3, 3, true));
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }
}
