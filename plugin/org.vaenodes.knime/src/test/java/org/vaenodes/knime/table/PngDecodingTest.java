package org.vaenodes.knime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.vaenodes.knime.ImageTables;

/** PNG cells into the model's float channels: exact gray levels, colour, alpha, palette, crafted headers. */
class PngDecodingTest {

    @Test
    void eightBitGrayLevelsBecomeExactlyLevelOver255() throws Exception {
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte)i;
        }
        PngDecoding.Decoded d = PngDecoding.decode(ImageTables.grayPng(levels, 0, 16, 16), 1);
        assertThat(d.height()).isEqualTo(16);
        for (int i = 0; i < 256; i++) {
            // the MNIST Reader's pixel column value, as the PixelReader reads it
            assertThat(d.pixels()[i]).isEqualTo((float)(i * (1.0 / 255.0)));
        }
        assertThat(PngDecoding.header(ImageTables.grayPng(levels, 0, 16, 16)).channels()).isEqualTo(1);
        // a gray image for a colour model: the same value in all three planes
        float[] rgb = PngDecoding.decode(ImageTables.grayPng(levels, 0, 16, 16), 3).pixels();
        assertThat(rgb[256 + 77]).isEqualTo(rgb[77]).isEqualTo(rgb[512 + 77]).isEqualTo(77 / 255f);
    }

    @Test
    void colourIsReadAsStoredWithoutAlphaAndPaletteImagesAreColour() throws Exception {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00C86432); // fully transparent, colour (200, 100, 50)
        img.setRGB(1, 0, 0xFF0000FF);
        byte[] png = ImageTables.png(img);
        assertThat(PngDecoding.header(png).channels()).isEqualTo(3);
        float[] v = PngDecoding.decode(png, 3).pixels();
        assertThat(v).containsExactly(200 / 255f, 0f, 100 / 255f, 0f, 50 / 255f, 1f);
        float[] gray = PngDecoding.decode(png, 1).pixels();
        assertThat(gray[0]).isEqualTo((float)(0.299 * (200 / 255f) + 0.587 * (100 / 255f) + 0.114 * (50 / 255f)));

        BufferedImage indexed = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(1, 1, 0xFF00FF00);
        byte[] palette = ImageTables.png(indexed);
        assertThat(PngDecoding.header(palette).channels()).isEqualTo(3);
        assertThat(PngDecoding.decode(palette, 3).pixels()[9 + 4]).isEqualTo(1f);
    }

    @Test
    void aHugeHeaderIsRefusedBeforeDecodingAndGarbageIsNamed() {
        byte[] huge = pngHeaderOnly(20000, 20000);
        assertThatThrownBy(() -> PngDecoding.decode(huge, 1)).isInstanceOf(PngDecoding.DecodeException.class)
            .hasMessage("the image is 20000×20000 pixels; at most 16384 per side and 67,108,864 in all are read");
        assertThatThrownBy(() -> PngDecoding.header(new byte[]{1, 2, 3}))
            .hasMessageStartingWith("not a readable PNG image");
        byte[] truncated = java.util.Arrays.copyOf(ImageTables.grayPng(new byte[64], 0, 8, 8), 40);
        assertThatThrownBy(() -> PngDecoding.decode(truncated, 1)).hasMessageStartingWith("not a readable PNG image");
    }

    /** The PNG signature, an IHDR chunk (8-bit gray) claiming {@code w × h} and IEND, with correct CRCs. */
    private static byte[] pngHeaderOnly(final int w, final int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte)8).put((byte)0).put((byte)0)
            .put((byte)0).put((byte)0).array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(final ByteArrayOutputStream out, final String type, final byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int)crc.getValue()).array());
    }
}
