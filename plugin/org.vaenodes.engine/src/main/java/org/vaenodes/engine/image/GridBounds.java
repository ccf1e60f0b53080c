package org.vaenodes.engine.image;

/**
 * How large a picture grid ({@link ImageGrids}) may get: at most {@value #MAX_IMAGES} images and
 * {@value #MAX_PIXELS} pixels (256 MiB as 8-bit gray, the same again while it is encoded as PNG). A grid is an
 * overview to look at; beyond this it is no longer one, and a grid of a million images would need gigabytes.
 */
public final class GridBounds {

    public static final int MAX_IMAGES = 10_000;

    public static final long MAX_PIXELS = 1L << 28;

    private GridBounds() {
    }

    /** Pixels one tile takes in a grid, its share of the padding included. */
    public static long tilePixels(int height, int width) {
        return ((long) height * ImageGrids.SCALE + ImageGrids.PADDING) * ((long) width * ImageGrids.SCALE + ImageGrids.PADDING);
    }

    /** The most images of {@code height × width} a grid may hold (at least 1: one tile of 4096×4096 fits). */
    public static int maxImages(int height, int width) {
        return (int) Math.max(1, Math.min(MAX_IMAGES, MAX_PIXELS / tilePixels(height, width)));
    }
}
