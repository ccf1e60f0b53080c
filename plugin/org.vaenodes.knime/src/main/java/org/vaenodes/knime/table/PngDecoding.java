package org.vaenodes.knime.table;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG bytes into float pixels in [0, 1] with 1 (gray) or 3 (red, green, blue) channel planes. The header's
 * size is checked before the pixels are decoded, so a crafted cell cannot make the decoder take gigabytes. Sample
 * values are read from the raster and divided by their maximum (an 8-bit gray level {@code v} gives exactly
 * {@code v / 255f}, as the MNIST Reader's pixel columns do); palette images go through their sRGB palette. Alpha is
 * dropped (not composited). A colour image for a gray model becomes its luma 0.299·R + 0.587·G + 0.114·B (ITU-R
 * BT.601); a gray image for a colour model gets the same value in all three channels.
 */
public final class PngDecoding {

    /** Width and height at most. */
    public static final int MAX_SIDE = 16384;

    /** Pixels per image at most (64 Mi). */
    public static final long MAX_PIXELS = 1L << 26;

    private PngDecoding() {
    }

    /** A decoded image: {@code channels × height × width} floats. */
    public record Decoded(int height, int width, int channels, float[] pixels) {
    }

    /** Why an image could not be decoded, in a few words (the caller names the row). */
    public static final class DecodeException extends Exception {

        private static final long serialVersionUID = 1L;

        DecodeException(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The image's size and channels (1 for gray, 3 for colour and palette images) from its header, without
     * decoding its pixels ({@link Decoded#pixels()} is null).
     */
    public static Decoded header(final byte[] png) throws DecodeException {
        return read(png, true);
    }

    /**
     * Decodes {@code png} into {@code channels} channels (1 or 3).
     *
     * @throws DecodeException when the bytes are not a readable PNG image or it is too large
     */
    public static Decoded decode(final byte[] png, final int channels) throws DecodeException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        Decoded raw = read(png, false);
        return raw.channels() == channels ? raw : convert(raw, channels);
    }

    private static Decoded read(final byte[] png, final boolean headerOnly) throws DecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("This Java has no PNG reader (javax.imageio).");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long)w * h > MAX_PIXELS) {
                throw new DecodeException(String.format(java.util.Locale.ROOT, "the image is %d×%d pixels; at most "
                    + "%d per side and %,d in all are read", w, h, MAX_SIDE, MAX_PIXELS), null);
            }
            if (headerOnly) {
                ColorModel cm = reader.getRawImageType(0).getColorModel();
                return new Decoded(h, w, colourChannels(cm) == 1 ? 1 : 3, null);
            }
            return toFloats(reader.read(0));
        } catch (IOException | RuntimeException e) {
            throw new DecodeException("not a readable PNG image (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static int colourChannels(final ColorModel cm) {
        return cm instanceof IndexColorModel ? 3 : cm.getNumColorComponents();
    }

    private static Decoded toFloats(final BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        int n = h * w;
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        int colours = colourChannels(cm);
        if (cm instanceof IndexColorModel || (colours != 1 && colours != 3)) {
            float[] px = new float[3 * n];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = img.getRGB(x, y);
                    int k = y * w + x;
                    px[k] = ((argb >> 16) & 0xff) / 255f;
                    px[n + k] = ((argb >> 8) & 0xff) / 255f;
                    px[2 * n + k] = (argb & 0xff) / 255f;
                }
            }
            return new Decoded(h, w, 3, px);
        }
        float[] px = new float[colours * n];
        for (int c = 0; c < colours; c++) {
            float max = (float)((1L << cm.getComponentSize(c)) - 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[c * n + y * w + x] = raster.getSample(x, y, c) / max;
                }
            }
        }
        return new Decoded(h, w, colours, px);
    }

    private static Decoded convert(final Decoded raw, final int channels) {
        int n = raw.height() * raw.width();
        float[] src = raw.pixels();
        float[] px = new float[channels * n];
        if (channels == 1) {
            for (int k = 0; k < n; k++) {
                px[k] = (float)(0.299 * src[k] + 0.587 * src[n + k] + 0.114 * src[2 * n + k]);
            }
        } else {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(src, 0, px, c * n, n);
            }
        }
        return new Decoded(raw.height(), raw.width(), channels, px);
    }
}
