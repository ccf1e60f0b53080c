package org.vaenodes.engine.bench;

import org.vaenodes.engine.model.VaeConfig;

/**
 * Multiply-adds of the model's convolutions, transposed convolutions and dense layers per image, so that a
 * measured throughput can be read as achieved GFLOP/s (one multiply-add = 2 FLOP). Elementwise work (activations,
 * dropout, the loss, Adam) is left out: it is a few percent of the total and runs at memory speed anyway.
 * Training counts the forward pass and the two backward products of each layer (with respect to its input and to
 * its weights), i.e. three times the forward multiply-adds; the first layer's input gradient is computed too.
 */
public final class OperationCount {

    private OperationCount() {
    }

    /** Forward multiply-adds of one image. */
    public static long forwardMacsPerImage(final VaeConfig c) {
        return encoderMacs(c) + latentMacs(c) + decoderMacs(c);
    }

    /** FLOP of one training image: forward plus both backward products of every layer. */
    public static double trainingFlopsPerImage(final VaeConfig c) {
        return 3.0 * 2.0 * forwardMacsPerImage(c);
    }

    /** FLOP of reconstructing one image (encode, then decode the mean). */
    public static double reconstructFlopsPerImage(final VaeConfig c) {
        return 2.0 * forwardMacsPerImage(c);
    }

    /** FLOP of encoding one image. */
    public static double encodeFlopsPerImage(final VaeConfig c) {
        return 2.0 * (encoderMacs(c) + latentMacs(c));
    }

    /** FLOP of decoding one latent vector. */
    public static double sampleFlopsPerImage(final VaeConfig c) {
        return 2.0 * decoderMacs(c);
    }

    private static long encoderMacs(final VaeConfig c) {
        int[] filters = c.encoderFilters();
        int[] strides = c.encoderStrides();
        long k2 = (long)c.kernelSize() * c.kernelSize();
        long h = c.height();
        long w = c.width();
        long in = c.channels();
        long macs = 0;
        for (int i = 0; i < filters.length; i++) {
            h = (h + strides[i] - 1) / strides[i];
            w = (w + strides[i] - 1) / strides[i];
            macs += h * w * filters[i] * in * k2;
            in = filters[i];
        }
        return macs;
    }

    /** The mean and log-std projections of the flattened code. */
    private static long latentMacs(final VaeConfig c) {
        int[] filters = c.encoderFilters();
        long flat = (long)c.codeHeight() * c.codeWidth() * filters[filters.length - 1];
        return 2 * flat * c.latentSize();
    }

    private static long decoderMacs(final VaeConfig c) {
        long grid = (long)c.codeHeight() * c.codeWidth();
        long macs = (long)c.latentSize() * c.decoderHidden() + (long)c.decoderHidden() * grid;
        int[] filters = c.decoderFilters();
        int[] strides = c.decoderStrides();
        long k2 = (long)c.kernelSize() * c.kernelSize();
        long h = c.codeHeight();
        long w = c.codeWidth();
        long in = 1;
        for (int i = 0; i < filters.length; i++) {
            // a transposed convolution spreads each input position over k×k outputs of every filter
            macs += h * w * in * filters[i] * k2;
            h *= strides[i];
            w *= strides[i];
            in = filters[i];
        }
        return macs + h * w * in * c.imageValues();
    }
}
