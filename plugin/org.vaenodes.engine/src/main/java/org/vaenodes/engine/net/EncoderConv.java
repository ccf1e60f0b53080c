package org.vaenodes.engine.net;

import static org.vaenodes.engine.net.NativeArrays.arrays;
import static org.vaenodes.engine.net.NativeArrays.create;
import static org.vaenodes.engine.net.NativeArrays.custom;


import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.vaenodes.engine.model.VaeArchitecture;

/**
 * An encoder layer: TF-'same' convolution [N, C, h, w] → [N, F, h/s, w/s], its activation (leaky ReLU in the
 * seed; ReLU or none also work), then (training with keep below 1) inverted dropout. In training the activation
 * and the dropout are one {@link ActivationFactor}, which is also their backward pass; inference computes the
 * leaky ReLU in place ({@link LeakyReluInPlace}; libnd4j's leaky ReLU op ran at ~2.3 ns per element, 7 ms for
 * the seed's first layer at batch 256) and keeps no factor.
 */
final class EncoderConv {

    private final Steps forward;
    private final Steps backward;
    private final INDArray out;
    private final INDArray outGradient;

    /**
     * @param in the layer's input [N, C, h, w]; {@code inGradient} where its gradient goes (null: not needed,
     *        the images'; then the weight gradients come from {@link ImageKernelGradient})
     * @param masks the layer's dropout stream, null for none
     */
    EncoderConv(VaeArchitecture.Conv layer, INDArray in, boolean training, INDArray inGradient, Parameters params,
            int batch, float alpha, float keep, DropoutBits masks) {
        Parameters.Slot kernel = params.slot(layer.kernel());
        Parameters.Slot bias = params.slot(layer.bias());
        long[] shape = {batch, layer.outChannels(), layer.outHeight(), layer.outWidth()};
        int[] args = ConvArgs.same(layer.kernelSize(), layer.stride());
        out = create(shape);
        forward = new Steps(layer.kernel());
        backward = new Steps(layer.kernel());
        float slope = switch (layer.activation()) {
            case NONE -> 1f;
            case RELU -> 0f;
            case LEAKY_RELU -> alpha;
        };
        if (!training) {
            outGradient = null;
            forward.op(custom("conv2d", arrays(in, kernel.value(), bias.value()), arrays(out), args));
            if (slope == 0f) {
                forward.op(new RectifiedLinear(out, out, 0));
            } else if (slope != 1f) {
                forward.java("leaky ReLU", new LeakyReluInPlace(out, slope));
            }
            return;
        }
        INDArray pre = create(shape);
        INDArray factor = create(shape);
        outGradient = create(shape);
        // out = pre · factor, dPre = dOut · factor
        forward.op(custom("conv2d", arrays(in, kernel.value(), bias.value()), arrays(pre), args))
                .java("activation, dropout factor and product",
                        new ActivationFactor(pre, factor, slope, keep, masks, out));
        if (inGradient == null) {
            backward.then(new ImageKernelGradient(layer, in, outGradient, factor, params).steps());
            return;
        }
        INDArray preGradient = create(shape);
        backward.op(new MulOp(outGradient, factor, preGradient))
                .op(custom("conv2d_bp", arrays(in, kernel.value(), bias.value(), preGradient),
                        arrays(inGradient, kernel.gradient(), bias.gradient()), args));
    }

    Steps forward() { return forward; }

    Steps backward() { return backward; }

    /** [N, F, h/s, w/s] */
    INDArray out() { return out; }

    /** The gradient of the output, read by {@link #backward()}; null in inference. */
    INDArray outGradient() { return outGradient; }
}
