package org.vaenodes.engine.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Objects;

/**
 * Decoded pictures ({@link BufferedImage}, as ImageIO reads PNG and JPEG files) as the engine's float images:
 * values in [0,1], channel-major (see {@link org.vaenodes.engine.data.ImageDataset}), with the model's 1 or 3
 * channels.
 *
 * <ul>
 * <li>Alpha is dropped: the colour values are taken as stored, not blended with any background.</li>
 * <li>Gray and RGB pictures with their own samples (8 or 16 bits per channel) are read from the raster, sample
 *     / (2^bits − 1), so an 8-bit value v becomes exactly {@code v / 255f}, the same float as an IDX pixel or a
 *     pixel column holding v/255. Palette and other colour models go through {@link BufferedImage#getRGB}
 *     (8-bit sRGB).</li>
 * <li>Gray → RGB repeats the gray value in all three channels; RGB → gray is the luma of ITU-R BT.601:
 *     {@value #RED_WEIGHT}·R + {@value #GREEN_WEIGHT}·G + {@value #BLUE_WEIGHT}·B, on the [0,1] values.</li>
 * </ul>
 */
public final class ImageConversion {

    public static final double RED_WEIGHT = 0.299;
    public static final double GREEN_WEIGHT = 0.587;
    public static final double BLUE_WEIGHT = 0.114;

    private ImageConversion() {
    }

    /** Whether the picture has colour channels (RGB, palette, …) rather than only gray (alpha aside). */
    public static boolean isColour(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        return cm instanceof IndexColorModel || cm.getNumColorComponents() > 1;
    }

    /** The picture as {@code channels} (1 or 3) × height × width floats in [0,1]. */
    public static float[] toFloats(BufferedImage image, int channels) {
        float[] out = new float[Math.multiplyExact(channels, Math.multiplyExact(image.getHeight(), image.getWidth()))];
        toFloats(image, channels, out, 0);
        return out;
    }

    /** As {@link #toFloats(BufferedImage, int)}, into {@code dst} from {@code offset}. */
    public static void toFloats(BufferedImage image, int channels, float[] dst, int offset) {
        Objects.requireNonNull(image, "image");
        checkChannels(channels);
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        Objects.checkFromIndexSize(offset, channels * plane, dst.length);
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int components = cm.getNumColorComponents();
        boolean ownSamples = !(cm instanceof IndexColorModel)
                && (components == 1 && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                        || components == 3 && cm.getColorSpace().isCS_sRGB())
                && raster.getNumBands() >= components;
        if (ownSamples && components == 1) {
            float max = (1 << cm.getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float g = raster.getSample(x, y, 0) / max;
                    for (int c = 0; c < channels; c++) {
                        dst[offset + c * plane + y * w + x] = g;
                    }
                }
            }
            return;
        }
        float[] max = new float[3];
        for (int c = 0; c < 3; c++) {
            max[c] = ownSamples ? (1 << cm.getComponentSize(c)) - 1 : 255f;
        }
        float[] rgb = new float[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ownSamples) {
                    for (int c = 0; c < 3; c++) {
                        rgb[c] = raster.getSample(x, y, c) / max[c];
                    }
                } else {
                    int argb = image.getRGB(x, y);
                    rgb[0] = ((argb >> 16) & 0xFF) / 255f;
                    rgb[1] = ((argb >> 8) & 0xFF) / 255f;
                    rgb[2] = (argb & 0xFF) / 255f;
                }
                int at = offset + y * w + x;
                if (channels == 3) {
                    dst[at] = rgb[0];
                    dst[at + plane] = rgb[1];
                    dst[at + 2 * plane] = rgb[2];
                } else {
                    dst[at] = luma(rgb[0], rgb[1], rgb[2]);
                }
            }
        }
    }

    /** BT.601 luma of [0,1] values. */
    public static float luma(float r, float g, float b) {
        return (float) (RED_WEIGHT * r + GREEN_WEIGHT * g + BLUE_WEIGHT * b);
    }

    /**
     * An image of one channel count converted to another, channel-major: 1 → 3 repeats the plane, 3 → 1 takes the
     * {@link #luma luma}; the same count returns a copy.
     */
    public static float[] convertChannels(float[] image, int from, int to, int height, int width) {
        checkChannels(from);
        checkChannels(to);
        int plane = Math.multiplyExact(height, width);
        if (image.length != from * plane) {
            throw new IllegalArgumentException("expected " + from * plane + " values, got " + image.length);
        }
        if (from == to) {
            return image.clone();
        }
        float[] out = new float[to * plane];
        if (to == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(image, 0, out, c * plane, plane);
            }
        } else {
            for (int p = 0; p < plane; p++) {
                out[p] = luma(image[p], image[plane + p], image[2 * plane + p]);
            }
        }
        return out;
    }

    static void checkChannels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (gray) or 3 (RGB), was " + channels);
        }
    }
}
