package org.vaenodes.cli;

import org.vaenodes.engine.model.VaeConfig;

import picocli.CommandLine.Option;

/**
 * The architecture options, the same ones the VAE Learner's Architecture tab has; defaults are the engine's
 * ({@link VaeConfig#defaults()}, the seed model).
 */
final class ArchitectureOptions {

    private static final VaeConfig D = VaeConfig.defaults();

    @Option(names = "--latent", paramLabel = "K", description = "Latent size (default: ${DEFAULT-VALUE}).")
    int latent = D.latentSize();

    @Option(names = "--kernel", paramLabel = "K", description = "Convolution kernel size (default: ${DEFAULT-VALUE}).")
    int kernel = D.kernelSize();

    @Option(names = "--filters", paramLabel = "F",
            description = "Filters of every (transposed) convolution; overrides --encoder-filters and --decoder-filters.")
    Integer filters;

    @Option(names = "--encoder-filters", paramLabel = "F,F,F", split = ",",
            description = "Filters of each encoder convolution (default: ${DEFAULT-VALUE}).")
    int[] encoderFilters = D.encoderFilters();

    @Option(names = "--encoder-strides", paramLabel = "S,S,S", split = ",",
            description = "Stride of each encoder convolution (default: ${DEFAULT-VALUE}).")
    int[] encoderStrides = D.encoderStrides();

    @Option(names = "--decoder-hidden", paramLabel = "N",
            description = "Units of the decoder's first dense layer (default: ${DEFAULT-VALUE}).")
    int decoderHidden = D.decoderHidden();

    @Option(names = "--decoder-filters", paramLabel = "F,F,F", split = ",",
            description = "Filters of each decoder transposed convolution (default: ${DEFAULT-VALUE}).")
    int[] decoderFilters = D.decoderFilters();

    @Option(names = "--decoder-strides", paramLabel = "S,S,S", split = ",",
            description = "Stride of each decoder transposed convolution (default: ${DEFAULT-VALUE}).")
    int[] decoderStrides = D.decoderStrides();

    @Option(names = "--leaky-alpha", paramLabel = "A",
            description = "Slope of the leaky ReLU for negative inputs (default: ${DEFAULT-VALUE}).")
    double leakyAlpha = D.leakyReluAlpha();

    /** The configuration for images of this size; --filters, when given, fills every layer's filter count. */
    VaeConfig.Builder applyTo(final VaeConfig.Builder b, final int height, final int width) {
        int[] enc = filters == null ? encoderFilters : filled(encoderStrides.length, filters);
        int[] dec = filters == null ? decoderFilters : filled(decoderStrides.length, filters);
        return b.imageSize(height, width).latentSize(latent).kernelSize(kernel).encoderFilters(enc)
                .encoderStrides(encoderStrides).decoderHidden(decoderHidden).decoderFilters(dec)
                .decoderStrides(decoderStrides).leakyReluAlpha(leakyAlpha);
    }

    private static int[] filled(final int n, final int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
