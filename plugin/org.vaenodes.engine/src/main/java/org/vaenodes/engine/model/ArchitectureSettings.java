package org.vaenodes.engine.model;

import java.util.Arrays;

/**
 * The architecture part of a {@link VaeConfig}: image size and channels (1 gray, 3 RGB), latent size, kernel, the encoder's and decoder's
 * filters and strides, the decoder's dense units and the leaky ReLU slope. What a trained model keeps for good;
 * the training part ({@link TrainingSettings}) may change between runs. Immutable; arrays are copied in and out.
 * Checked as part of {@link VaeConfig.Builder#build()}, where size checks that need both parts also run.
 */
public final class ArchitectureSettings {

    private final int height;
    private final int width;
    private final int latentSize;
    private final int kernelSize;
    private final int[] encoderFilters;
    private final int[] encoderStrides;
    private final int decoderHidden;
    private final int[] decoderFilters;
    private final int[] decoderStrides;
    private final double leakyReluAlpha;
    private final int channels;

    /** A one-channel (grayscale) architecture. */
    public ArchitectureSettings(final int height, final int width, final int latentSize, final int kernelSize,
        final int[] encoderFilters, final int[] encoderStrides, final int decoderHidden, final int[] decoderFilters,
        final int[] decoderStrides, final double leakyReluAlpha) {
        this(height, width, 1, latentSize, kernelSize, encoderFilters, encoderStrides, decoderHidden, decoderFilters,
            decoderStrides, leakyReluAlpha);
    }

    /** @param channels values per pixel: 1 (gray) or 3 (RGB), checked by {@link VaeConfig.Builder#build()} */
    public ArchitectureSettings(final int height, final int width, final int channels, final int latentSize,
        final int kernelSize, final int[] encoderFilters, final int[] encoderStrides, final int decoderHidden,
        final int[] decoderFilters, final int[] decoderStrides, final double leakyReluAlpha) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.latentSize = latentSize;
        this.kernelSize = kernelSize;
        this.encoderFilters = encoderFilters.clone();
        this.encoderStrides = encoderStrides.clone();
        this.decoderHidden = decoderHidden;
        this.decoderFilters = decoderFilters.clone();
        this.decoderStrides = decoderStrides.clone();
        this.leakyReluAlpha = leakyReluAlpha;
    }

    public int height() { return height; }
    public int width() { return width; }
    /** Values per pixel: 1 (gray) or 3 (RGB). */
    public int channels() { return channels; }
    public int latentSize() { return latentSize; }
    public int kernelSize() { return kernelSize; }
    public int[] encoderFilters() { return encoderFilters.clone(); }
    public int[] encoderStrides() { return encoderStrides.clone(); }
    public int decoderHidden() { return decoderHidden; }
    public int[] decoderFilters() { return decoderFilters.clone(); }
    public int[] decoderStrides() { return decoderStrides.clone(); }
    public double leakyReluAlpha() { return leakyReluAlpha; }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ArchitectureSettings a && height == a.height && width == a.width && channels == a.channels
            && latentSize == a.latentSize && kernelSize == a.kernelSize && Arrays.equals(encoderFilters, a.encoderFilters)
            && Arrays.equals(encoderStrides, a.encoderStrides) && decoderHidden == a.decoderHidden
            && Arrays.equals(decoderFilters, a.decoderFilters) && Arrays.equals(decoderStrides, a.decoderStrides)
            && Double.compare(leakyReluAlpha, a.leakyReluAlpha) == 0;
    }

    @Override
    public int hashCode() {
        return (((31 * height + width) * 31 + channels) * 31 + latentSize) * 31 + Arrays.hashCode(encoderFilters) * 7
            + Arrays.hashCode(decoderFilters);
    }
}
