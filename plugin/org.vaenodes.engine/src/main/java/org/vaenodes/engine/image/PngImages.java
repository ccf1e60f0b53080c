package org.vaenodes.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.vaenodes.engine.io.AtomicFiles;

/**
 * Images from float values in [0,1] as {@link BufferedImage}s and PNG files: one channel (row-major) as
 * {@link BufferedImage#TYPE_BYTE_GRAY}, three channels (channel-major R, G, B planes, see
 * {@link org.vaenodes.engine.data.ImageDataset}) as {@link BufferedImage#TYPE_INT_RGB}. Values are clamped to
 * [0,1] and rounded to 0..255; NaN becomes 0.
 */
public final class PngImages {

    private PngImages() {
    }

    /** One gray level 0..255 for a value: clamped to [0,1], scaled by 255, rounded; NaN gives 0. */
    public static int toGray(float v) {
        if (!(v > 0f)) {
            return 0; // also NaN
        }
        if (v >= 1f) {
            return 255;
        }
        return Math.round(v * 255f);
    }

    /** The image of {@code height × width} pixels starting at {@code offset} in {@code pixels}. */
    public static BufferedImage toImage(float[] pixels, int offset, int height, int width) {
        checkSize(height, width);
        Objects.checkFromIndexSize(offset, height * width, pixels.length);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = dataOf(img);
        // A TYPE_BYTE_GRAY raster made here has scanline stride == width.
        for (int k = 0, n = height * width; k < n; k++) {
            data[k] = (byte) toGray(pixels[offset + k]);
        }
        return img;
    }

    /**
     * The image of {@code channels} (1 or 3) × {@code height × width} values starting at {@code offset}: gray
     * for one channel, RGB for three.
     */
    public static BufferedImage toImage(float[] values, int offset, int channels, int height, int width) {
        ImageConversion.checkChannels(channels);
        if (channels == 1) {
            return toImage(values, offset, height, width);
        }
        checkSize(height, width);
        int plane = height * width;
        Objects.checkFromIndexSize(offset, 3 * plane, values.length);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int k = 0; k < plane; k++) {
            rgb[k] = rgb(values, offset + k, plane);
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    /** As {@link #toImage(float[], int, int, int, int)}, encoded as PNG. */
    public static byte[] toPng(float[] values, int offset, int channels, int height, int width) throws IOException {
        return toPngBytes(toImage(values, offset, channels, height, width));
    }

    /** The packed RGB of the pixel at {@code at} of channel-major planes {@code plane} apart. */
    private static int rgb(float[] values, int at, int plane) {
        return toGray(values[at]) << 16 | toGray(values[at + plane]) << 8 | toGray(values[at + 2 * plane]);
    }

    /** The image of {@code height × width} pixels starting at {@code offset}, encoded as PNG. */
    public static byte[] toPng(float[] pixels, int offset, int height, int width) throws IOException {
        return toPngBytes(toImage(pixels, offset, height, width));
    }

    /**
     * Tiles images of {@code height × width} into a grid with {@code columns} columns (fewer when there are
     * fewer images) and as many rows as needed, in row-major order, {@code padding} black pixels between tiles,
     * black background.
     */
    public static BufferedImage grid(List<float[]> images, int height, int width, int columns, int padding) {
        return grid(images, height, width, columns, padding, 1);
    }

    /** As {@link #grid(List, int, int, int, int)}, from an array of images. */
    public static BufferedImage grid(float[][] images, int height, int width, int columns, int padding) {
        return grid(Arrays.asList(images), height, width, columns, padding, 1);
    }

    /** As {@link #grid(List, int, int, int, int, int)}, from an array of images. */
    public static BufferedImage grid(float[][] images, int height, int width, int columns, int padding,
            int scale) {
        return grid(Arrays.asList(images), height, width, columns, padding, scale);
    }

    /**
     * As {@link #grid(List, int, int, int, int)}, each tile enlarged {@code scale} times (nearest neighbour);
     * the padding is in output pixels. Each image array holds exactly one image ({@code height * width} floats,
     * or more, of which the first {@code height * width} are used).
     */
    public static BufferedImage grid(List<float[]> images, int height, int width, int columns, int padding,
            int scale) {
        return grid(images, 1, height, width, columns, padding, scale);
    }

    /**
     * As {@link #grid(List, int, int, int, int, int)} for images of {@code channels} (1: a gray grid; 3: an RGB
     * grid of channel-major images, each array holding at least {@code 3 * height * width} floats).
     */
    public static BufferedImage grid(List<float[]> images, int channels, int height, int width, int columns,
            int padding, int scale) {
        Objects.requireNonNull(images, "images");
        ImageConversion.checkChannels(channels);
        checkSize(height, width);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to put in a grid");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, was " + columns);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must not be negative, was " + padding);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, was " + scale);
        }
        int n = images.size();
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int tileH = height * scale;
        int tileW = width * scale;
        long outW = (long) cols * tileW + (long) (cols - 1) * padding;
        long outH = (long) rows * tileH + (long) (rows - 1) * padding;
        if (outW * outH > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid of " + outW + "×" + outH + " pixels is too large");
        }
        boolean colour = channels == 3;
        BufferedImage img = new BufferedImage((int) outW, (int) outH,
                colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = colour ? null : dataOf(img); // all zero: black
        int[] packed = colour ? ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData() : null;
        int stride = (int) outW;
        int plane = height * width;
        int per = channels * plane;
        for (int i = 0; i < n; i++) {
            float[] px = Objects.requireNonNull(images.get(i), "image " + i);
            if (px.length < per) {
                throw new IllegalArgumentException("image " + i + " has " + px.length + " values, expected "
                        + per + " (" + (colour ? "3×" : "") + height + "×" + width + ")");
            }
            int x0 = (i % cols) * (tileW + padding);
            int y0 = (i / cols) * (tileH + padding);
            for (int y = 0; y < tileH; y++) {
                int src = (y / scale) * width;
                int dst = (y0 + y) * stride + x0;
                for (int x = 0; x < tileW; x++) {
                    if (colour) {
                        packed[dst + x] = rgb(px, src + x / scale, plane);
                    } else {
                        data[dst + x] = (byte) toGray(px[src + x / scale]);
                    }
                }
            }
        }
        return img;
    }

    /** Encodes an image as PNG. */
    public static byte[] toPngBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(image, out);
        return out.toByteArray();
    }

    /**
     * Writes an image as PNG to {@code file}: to a temporary file in the same folder, then moved into place
     * atomically (replacing the target where the file system cannot move atomically).
     */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Objects.requireNonNull(image, "image");
        AtomicFiles.write(file, out -> encode(image, out));
    }

    private static void encode(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available for an image of type " + image.getType());
        }
        out.flush();
    }

    private static byte[] dataOf(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    private static void checkSize(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be at least 1×1, was " + height + "×" + width);
        }
    }
}
