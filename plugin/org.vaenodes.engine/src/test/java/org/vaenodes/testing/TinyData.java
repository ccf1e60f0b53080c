package org.vaenodes.testing;

import java.util.SplittableRandom;

import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.model.VaeConfig;

/** Small synthetic images and configs that train in milliseconds. */
public final class TinyData {

    private TinyData() {
    }

    /** {@code count} images of {@code h×w}: a bright square at a random place on a dark background. */
    public static IdxImages squares(int count, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] pixels = new byte[count * h * w];
        int side = Math.max(1, Math.min(h, w) / 3);
        for (int i = 0; i < count; i++) {
            int top = r.nextInt(h - side + 1);
            int left = r.nextInt(w - side + 1);
            for (int y = top; y < top + side; y++) {
                for (int x = left; x < left + side; x++) {
                    pixels[i * h * w + y * w + x] = (byte) 230;
                }
            }
        }
        return IdxImages.of(h, w, pixels);
    }

    /** The colours {@link #colourSquares} paints with, as {r, g, b} in [0,1]. */
    public static final float[][] COLOURS = {{0.9f, 0.1f, 0.1f}, {0.1f, 0.85f, 0.1f}, {0.1f, 0.2f, 0.95f},
        {0.9f, 0.85f, 0.1f}};

    /** Generated RGB images: what they hold, where each square is and which colour it has. */
    public record ColourSquares(ImageDataset images, float[] values, int[] top, int[] left, int side, int[] colour) {
    }

    /**
     * {@code count} RGB images of {@code h×w} (channel-major): a square of half the image's side, in one of
     * {@link #COLOURS}, in one of the four quadrants, on a black background.
     */
    public static ColourSquares colourSquares(int count, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int plane = h * w;
        float[] values = new float[count * 3 * plane];
        int side = Math.max(1, Math.min(h, w) / 2);
        int[] top = new int[count];
        int[] left = new int[count];
        int[] colour = new int[count];
        for (int i = 0; i < count; i++) {
            top[i] = r.nextBoolean() ? 0 : h - side;
            left[i] = r.nextBoolean() ? 0 : w - side;
            colour[i] = r.nextInt(COLOURS.length);
            for (int c = 0; c < 3; c++) {
                for (int y = top[i]; y < top[i] + side; y++) {
                    for (int x = left[i]; x < left[i] + side; x++) {
                        values[(i * 3 + c) * plane + y * w + x] = COLOURS[colour[i]][c];
                    }
                }
            }
        }
        ImageDataset images = new ImageDataset() {
            @Override public int size() { return count; }
            @Override public int height() { return h; }
            @Override public int width() { return w; }
            @Override public int channels() { return 3; }
            @Override public void copyImage(int index, float[] dst, int offset) {
                System.arraycopy(values, index * 3 * plane, dst, offset, 3 * plane);
            }
        };
        return new ColourSquares(images, values, top, left, side, colour);
    }

    /** An 8×8 VAE with 4 filters and latent size 2. */
    public static VaeConfig.Builder tinyConfig() {
        return VaeConfig.builder().imageSize(8, 8).filters(4).latentSize(2).decoderHidden(6).batchSize(16)
                .iterations(5);
    }
}
