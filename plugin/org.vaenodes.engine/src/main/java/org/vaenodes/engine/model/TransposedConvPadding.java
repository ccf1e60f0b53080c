package org.vaenodes.engine.model;

/**
 * Padding arithmetic of a TensorFlow-'same' transposed convolution (output = input × stride). The full
 * transposed convolution is {@code (in−1)·s + k} long; 'same' drops {@code k − s} of it, the smaller half
 * in front. libnd4j's explicit padding {@code p} drops {@code p} at both ends, so we pad with the leading
 * half and crop the remaining {@code excess} from the end.
 */
public final class TransposedConvPadding {

    private TransposedConvPadding() {
    }

    /** Elements TF drops before the output. */
    public static int leading(int kernel, int stride) {
        return Math.max(kernel - stride, 0) / 2;
    }

    /** Elements left over at the end after symmetric padding with {@link #leading}. */
    public static int excess(int kernel, int stride) {
        int total = Math.max(kernel - stride, 0);
        return total - 2 * leading(kernel, stride);
    }
}
