package org.vaenodes.engine.data;

/**
 * A fixed-size collection of equally sized images with 1 (gray) or 3 (RGB) channels, read as floats in [0,1].
 *
 * <p>The layout of one image, used by every flat image array of the engine (training batches, inference input
 * and output, PNG conversion, grids): channel-major (CHW), i.e. value {@code (c, y, x)} is at
 * {@code c·height·width + y·width + x}; each channel row-major. A gray image is its one channel; RGB channels are
 * red, green, blue in that order.
 */
public interface ImageDataset {

    /** Number of images. */
    int size();

    /** Image height in pixels. */
    int height();

    /** Image width in pixels. */
    int width();

    /** Values per pixel: 1 (gray) or 3 (RGB). */
    default int channels() {
        return 1;
    }

    /** Pixels per image: {@code height() * width()}. */
    default int pixelsPerImage() {
        return height() * width();
    }

    /** Floats per image: {@code channels() * height() * width()}. */
    default int valuesPerImage() {
        return channels() * height() * width();
    }

    /** Copies image i ({@link #valuesPerImage()} floats in [0,1], channel-major) into dst starting at offset. */
    void copyImage(int index, float[] dst, int offset);
}
