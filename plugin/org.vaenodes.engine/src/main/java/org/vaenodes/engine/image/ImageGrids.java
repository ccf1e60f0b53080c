package org.vaenodes.engine.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** The picture layouts the CLI and the KNIME nodes show: plain tile grids and original/reconstruction pairs. */
public final class ImageGrids {

    /** Pixels between tiles. */
    public static final int PADDING = 2;
    /** Nearest-neighbour magnification so 28×28 digits are readable. */
    public static final int SCALE = 2;

    private ImageGrids() {
    }

    /** {@code count} images from a flat array (image after image), {@code columns} per row. */
    public static BufferedImage tiles(float[] images, int count, int height, int width, int columns) {
        return tiles(images, count, 1, height, width, columns);
    }

    /** As {@link #tiles(float[], int, int, int, int)} for images of 1 (gray) or 3 (RGB, channel-major) channels. */
    public static BufferedImage tiles(float[] images, int count, int channels, int height, int width, int columns) {
        return PngImages.grid(split(images, 0, count, channels * height * width), channels, height, width, columns,
                PADDING, SCALE);
    }

    /**
     * Rows of originals, each directly above the row of their reconstructions: rows 1, 3, 5… hold originals,
     * rows 2, 4, 6… the matching reconstructions.
     */
    public static BufferedImage comparison(float[] originals, float[] reconstructions, int count, int height, int width,
            int columns) {
        return comparison(originals, reconstructions, count, 1, height, width, columns);
    }

    /** As {@link #comparison(float[], float[], int, int, int, int)} for 1 (gray) or 3 (RGB) channels. */
    public static BufferedImage comparison(float[] originals, float[] reconstructions, int count, int channels,
            int height, int width, int columns) {
        int pixels = channels * height * width;
        List<float[]> tiles = new ArrayList<>();
        int perRow = Math.max(1, Math.min(columns, count));
        for (int rowStart = 0; rowStart < count; rowStart += perRow) {
            int n = Math.min(perRow, count - rowStart);
            List<float[]> top = split(originals, rowStart, n, pixels);
            List<float[]> bottom = split(reconstructions, rowStart, n, pixels);
            for (int i = n; i < perRow; i++) { // keep the rows aligned when the last one is short
                top.add(new float[pixels]);
                bottom.add(new float[pixels]);
            }
            tiles.addAll(top);
            tiles.addAll(bottom);
        }
        return PngImages.grid(tiles, channels, height, width, perRow, PADDING, SCALE);
    }

    private static List<float[]> split(float[] images, int first, int count, int pixels) {
        List<float[]> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            float[] one = new float[pixels];
            System.arraycopy(images, i * pixels, one, 0, pixels);
            out.add(one);
        }
        return out;
    }
}
