package org.vaenodes.knime.table;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.vaenodes.engine.image.ImageConversion;
import org.vaenodes.engine.image.ImageFiles;

/**
 * Decodes the PNG bytes of a cell into float pixels in [0, 1] with 1 (gray) or 3 (red, green, blue) channel planes.
 * The header's size is checked before the pixels are decoded, so a crafted cell cannot make the decoder take
 * gigabytes. The conversion is the engine's, as for the CLI's image folders ({@link ImageConversion}): an 8-bit
 * gray level {@code v} gives exactly {@code v / 255f}, as the MNIST Reader's pixel columns do; alpha is dropped;
 * colour for a gray model is the BT.601 luma, gray for a colour model is repeated in all three channels.
 */
public final class PngDecoding {

    /** Width and height at most. */
    public static final int MAX_SIDE = 16384;

    /** Pixels per image at most (64 Mi), as for the CLI's image files. */
    public static final long MAX_PIXELS = ImageFiles.MAX_PIXELS;

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
        return read(png, true, 0);
    }

    /**
     * Decodes {@code png} into {@code channels} channels (1 or 3).
     *
     * @throws DecodeException when the bytes are not a readable PNG image or it is too large
     */
    public static Decoded decode(final byte[] png, final int channels) throws DecodeException {
        if (channels != 1 && channels != 3) { // ImageConversion checks it too, after decoding
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        return read(png, false, channels);
    }

    private static Decoded read(final byte[] png, final boolean headerOnly, final int channels)
        throws DecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("This Java has no PNG reader (javax.imageio).");
        }
        ImageReader reader = readers.next();
        // in memory: ImageIO.createImageInputStream would buffer each cell in a temporary file (its default cache)
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long)w * h > MAX_PIXELS) {
                throw new DecodeException(String.format(java.util.Locale.ROOT, "the image is %d×%d pixels; at most "
                    + "%d per side and %,d in all are read", w, h, MAX_SIDE, MAX_PIXELS), null);
            }
            if (headerOnly) {
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type == null) {
                    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                    type = types.hasNext() ? types.next() : null;
                }
                boolean gray = type != null && !(type.getColorModel() instanceof IndexColorModel)
                    && type.getColorModel().getNumColorComponents() == 1;
                return new Decoded(h, w, gray ? 1 : 3, null);
            }
            BufferedImage image = reader.read(0);
            if (image == null || image.getWidth() != w || image.getHeight() != h) {
                throw new DecodeException("the PNG image could not be decoded", null);
            }
            return new Decoded(h, w, channels, ImageConversion.toFloats(image, channels));
        } catch (IOException | RuntimeException e) {
            throw new DecodeException("not a readable PNG image (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } finally {
            reader.dispose();
        }
    }
}
