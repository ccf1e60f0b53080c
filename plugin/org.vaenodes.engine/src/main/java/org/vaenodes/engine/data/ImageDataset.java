package org.vaenodes.engine.data;

/**
 * A fixed-size collection of equally sized grayscale images, read as floats in [0,1].
 */
public interface ImageDataset {

    /** Number of images. */
    int size();

    /** Image height in pixels. */
    int height();

    /** Image width in pixels. */
    int width();

    /** Pixels per image: {@code height() * width()}. */
    default int pixelsPerImage() {
        return height() * width();
    }

    /** Copies image i as floats in [0,1], row-major, into dst starting at offset. */
    void copyImage(int index, float[] dst, int offset);
}
