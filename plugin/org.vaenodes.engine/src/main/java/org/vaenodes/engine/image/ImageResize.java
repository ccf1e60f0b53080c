package org.vaenodes.engine.image;

/**
 * Resizes float images (channel-major, any channel count) to another height and width, each axis on its own:
 * where a side shrinks, <b>area averaging</b> (every output pixel is the mean of the input area it covers,
 * partly covered pixels weighted by their share), where it grows, <b>bilinear interpolation</b> between pixel
 * centres (the outermost pixels repeated at the borders). First along the width, then along the height, in
 * floats, so no 8-bit rounding in between; deterministic. Values in [0,1] stay in [0,1].
 */
public final class ImageResize {

    /** The method's name, as the CLI and the nodes' descriptions give it. */
    public static final String METHOD = "area averaging to shrink, bilinear interpolation to enlarge (per axis)";

    private ImageResize() {
    }

    /** {@code image} ({@code channels × height × width}) resized to {@code channels × toHeight × toWidth}. */
    public static float[] resize(float[] image, int channels, int height, int width, int toHeight, int toWidth) {
        if (channels < 1 || height < 1 || width < 1 || toHeight < 1 || toWidth < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + channels + "×" + height + "×" + width
                    + " to " + toHeight + "×" + toWidth);
        }
        if ((long) channels * height * width != image.length) {
            throw new IllegalArgumentException("expected " + (long) channels * height * width + " values, got "
                    + image.length);
        }
        if (height == toHeight && width == toWidth) {
            return image.clone();
        }
        float[][] alongWidth = weights(width, toWidth);
        float[][] alongHeight = weights(height, toHeight);
        float[] rows = new float[Math.multiplyExact(channels, Math.multiplyExact(height, toWidth))];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int src = (c * height + y) * width;
                int dst = (c * height + y) * toWidth;
                for (int x = 0; x < toWidth; x++) {
                    rows[dst + x] = apply(alongWidth, x, image, src, 1);
                }
            }
        }
        float[] out = new float[Math.multiplyExact(channels, Math.multiplyExact(toHeight, toWidth))];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < toHeight; y++) {
                int dst = (c * toHeight + y) * toWidth;
                for (int x = 0; x < toWidth; x++) {
                    out[dst + x] = apply(alongHeight, y, rows, c * height * toWidth + x, toWidth);
                }
            }
        }
        return out;
    }

    /** Σ weight · value over the output position's inputs (first input index, then the weights). */
    private static float apply(float[][] weights, int position, float[] values, int base, int step) {
        float[] w = weights[position];
        int first = (int) w[0];
        double sum = 0;
        for (int j = 1; j < w.length; j++) {
            sum += w[j] * values[base + (first + j - 1) * step];
        }
        return (float) sum;
    }

    /**
     * For each output position of an axis of {@code from → to} pixels: {first input index, weights…}; the weights
     * sum to 1.
     */
    private static float[][] weights(int from, int to) {
        float[][] out = new float[to][];
        if (to == from) {
            for (int i = 0; i < to; i++) {
                out[i] = new float[] {i, 1f};
            }
        } else if (to < from) {
            double scale = (double) from / to; // input pixels per output pixel
            for (int i = 0; i < to; i++) {
                double start = i * scale;
                double end = Math.min(from, (i + 1) * scale);
                int first = (int) Math.floor(start);
                int last = Math.min(from - 1, (int) Math.ceil(end) - 1);
                float[] w = new float[last - first + 2];
                w[0] = first;
                for (int p = first; p <= last; p++) {
                    double covered = Math.min(end, p + 1) - Math.max(start, p);
                    w[p - first + 1] = (float) (covered / scale);
                }
                out[i] = w;
            }
        } else {
            double scale = (double) from / to;
            for (int i = 0; i < to; i++) {
                double centre = (i + 0.5) * scale - 0.5; // the output pixel's centre in input coordinates
                centre = Math.max(0, Math.min(from - 1, centre));
                int left = Math.min(from - 2 < 0 ? 0 : from - 2, (int) Math.floor(centre));
                double t = centre - left;
                out[i] = from == 1 ? new float[] {0, 1f} : new float[] {left, (float) (1 - t), (float) t};
            }
        }
        return out;
    }
}
