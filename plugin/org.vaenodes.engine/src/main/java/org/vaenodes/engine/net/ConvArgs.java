package org.vaenodes.engine.net;

import org.vaenodes.engine.model.TransposedConvPadding;

/**
 * The integer arguments of libnd4j's conv2d/deconv2d ops and their backward ops, named:
 * {@code kH, kW, sH, sW, pH, pW, dH, dW, mode (1 SAME, 0 explicit padding), NCHW (0), weight format (0)}.
 */
final class ConvArgs {

    private ConvArgs() {
    }

    /** TensorFlow-'same' convolution with stride {@code s}; weights [k, k, in, out]. */
    static int[] same(int k, int s) {
        return new int[] {k, k, s, s, 0, 0, 1, 1, 1, 0, 0};
    }

    /**
     * Transposed convolution padded explicitly by TF's leading 'same' padding, not in SAME mode: libnd4j
     * sends deconv2d to oneDNN only outside SAME mode (SAME mode was ~6× slower). Weights [k, k, out, in];
     * the output is {@link TransposedConvPadding#excess} longer than 'same' in each dimension.
     */
    static int[] explicitTransposed(int k, int s) {
        int lead = TransposedConvPadding.leading(k, s);
        return new int[] {k, k, s, s, lead, lead, 1, 1, 0, 0, 0};
    }
}
