package org.vaenodes.engine.idx;

import java.util.Arrays;
import java.util.Objects;

import org.vaenodes.engine.data.ImageDataset;

/**
 * The images of an IDX image file (magic 0x00000803): unsigned bytes, all images in one compact byte array,
 * image after image, each row-major. Immutable.
 */
public final class IdxImages implements ImageDataset {

    /** i / 255f for each unsigned byte value i. */
    private static final float[] TO_FLOAT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            TO_FLOAT[i] = i / 255f;
        }
    }

    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;

    private IdxImages(int count, int rows, int cols, byte[] pixels) {
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
    }

    /**
     * Images of rows × cols from raw unsigned bytes (copied): {@code pixels.length} must be a non-zero
     * multiple of {@code rows * cols}.
     */
    public static IdxImages of(int rows, int cols, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be at least 1, were " + rows + "×" + cols);
        }
        long perImage = (long) rows * cols;
        if (pixels.length == 0 || pixels.length % perImage != 0) {
            throw new IllegalArgumentException(pixels.length + " bytes are not a whole, non-zero number of "
                    + rows + "×" + cols + " images");
        }
        return new IdxImages((int) (pixels.length / perImage), rows, cols, pixels.clone());
    }

    /** Wraps an array the caller hands over (no copy): for the reader, which has checked the sizes. */
    static IdxImages wrap(int count, int rows, int cols, byte[] pixels) {
        return new IdxImages(count, rows, cols, pixels);
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Rows per image (the height). */
    public int rows() {
        return rows;
    }

    /** Columns per image (the width). */
    public int cols() {
        return cols;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int height() {
        return rows;
    }

    @Override
    public int width() {
        return cols;
    }

    @Override
    public void copyImage(int index, float[] dst, int offset) {
        Objects.checkIndex(index, count);
        int n = rows * cols;
        Objects.checkFromIndexSize(offset, n, dst.length);
        int base = index * n;
        for (int k = 0; k < n; k++) {
            dst[offset + k] = TO_FLOAT[pixels[base + k] & 0xff];
        }
    }

    /** Pixel {@code pixel} (row-major index within the image) of image {@code index}, 0..255. */
    public int rawPixel(int index, int pixel) {
        Objects.checkIndex(index, count);
        int n = rows * cols;
        Objects.checkIndex(pixel, n);
        return pixels[index * n + pixel] & 0xff;
    }

    /** Pixel at (row, col) of image {@code index}, 0..255. */
    public int rawPixel(int index, int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return rawPixel(index, row * cols + col);
    }

    /** Image {@code index} as values 0..255, row-major (a new array). */
    public int[] rawImage(int index) {
        Objects.checkIndex(index, count);
        int n = rows * cols;
        int[] out = new int[n];
        int base = index * n;
        for (int k = 0; k < n; k++) {
            out[k] = pixels[base + k] & 0xff;
        }
        return out;
    }

    /** Image {@code index} as its raw unsigned bytes, row-major (a copy). */
    public byte[] rawImageBytes(int index) {
        Objects.checkIndex(index, count);
        int n = rows * cols;
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    /** All images' raw bytes, image after image (a copy). */
    public byte[] rawBytes() {
        return pixels.clone();
    }

    /** The backing array, not copied: for the writer only. */
    byte[] backingArray() {
        return pixels;
    }

    /** The first {@code min(maxCount, count())} images. */
    public IdxImages subset(int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
        }
        if (maxCount >= count) {
            return this;
        }
        return new IdxImages(maxCount, rows, cols, Arrays.copyOf(pixels, maxCount * rows * cols));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxImages other && count == other.count && rows == other.rows && cols == other.cols
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "IdxImages[" + count + " images of " + rows + "×" + cols + "]";
    }
}
