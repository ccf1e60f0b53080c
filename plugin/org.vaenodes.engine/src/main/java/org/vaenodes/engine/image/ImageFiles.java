package org.vaenodes.engine.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads PNG and JPEG pictures (whatever ImageIO decodes) with their size checked from the header before the
 * pixels are decoded, so a small file that claims a huge picture is refused without allocating it. Every error
 * is an {@link IOException} whose message starts with the source's name.
 */
public final class ImageFiles {

    /** The most pixels one picture may have before any resizing: 64 Mi (8192×8192). */
    public static final long MAX_PIXELS = 1L << 26;

    /** A picture's size and whether it has colour, from its header. */
    public record Header(int width, int height, boolean colour) {
        public long pixels() {
            return (long) width * height;
        }
    }

    private ImageFiles() {
    }

    /** The header of the picture in {@code bytes}. */
    public static Header header(byte[] bytes, String source) throws IOException {
        return withReader(new ByteArrayInputStream(bytes), source, false).header();
    }

    /** The header of the picture read from {@code in} (not closed). */
    public static Header header(InputStream in, String source) throws IOException {
        return withReader(in, source, false).header();
    }

    /** The picture in {@code bytes}, decoded. */
    public static BufferedImage decode(byte[] bytes, String source) throws IOException {
        return decode(new ByteArrayInputStream(bytes), source);
    }

    /** The picture read from {@code in} (not closed), decoded. */
    public static BufferedImage decode(InputStream in, String source) throws IOException {
        return withReader(in, source, true).image();
    }

    private record Read(Header header, BufferedImage image) {
    }

    private static Read withReader(InputStream in, String source, boolean decode) throws IOException {
        // cached in memory: ImageIO.createImageInputStream buffers every stream in a temporary file by default
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new IOException(source + ": not a PNG or JPEG image (unknown format); remove it or convert it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || (long) w * h > MAX_PIXELS) {
                    throw new IOException(source + ": the picture is " + w + "×" + h + " pixels; at most "
                            + MAX_PIXELS + " pixels are read (make it smaller first)");
                }
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type == null) {
                    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                    type = types.hasNext() ? types.next() : null;
                }
                boolean colour = type == null || type.getColorModel().getNumColorComponents() > 1
                        || type.getColorModel() instanceof java.awt.image.IndexColorModel;
                Header header = new Header(w, h, colour);
                if (!decode) {
                    return new Read(header, null);
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() != w || image.getHeight() != h) {
                    throw new IOException(source + ": the picture could not be decoded");
                }
                return new Read(new Header(w, h, ImageConversion.isColour(image)), image);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                    throw e;
                }
                throw broken(source, e);
            } catch (RuntimeException e) {
                // ImageIO's decoders throw unchecked exceptions on some malformed data
                throw broken(source, e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static IOException broken(String source, Exception e) {
        return new IOException(source + ": not a readable PNG or JPEG image (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); remove or replace the file", e);
    }
}
