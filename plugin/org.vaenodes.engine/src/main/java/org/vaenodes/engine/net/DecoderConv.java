package org.vaenodes.engine.net;

import static org.vaenodes.engine.net.NativeArrays.arrays;
import static org.vaenodes.engine.net.NativeArrays.create;
import static org.vaenodes.engine.net.NativeArrays.custom;


import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaenodes.engine.model.TransposedConvPadding;
import org.vaenodes.engine.model.VaeArchitecture;

/**
 * A decoder layer: TF-'same' transposed convolution [N, C, h, w] → [N, F, h·s, w·s], ReLU, then (training
 * with keep below 1, not after the last layer) inverted dropout as one {@link ActivationFactor}.
 *
 * <p>It runs in flipped coordinates (every map turned by 180°, the kernels stored to match, see
 * {@link Parameters}), where TF's surplus element of a strided layer comes first and is cropped from the front,
 * and the layer is one of three formulations, each measured faster than libnd4j's SAME-mode deconv2d:
 * <ul>
 * <li>the first layer, whose input has one channel, as GEMMs ({@link OneChannelConvAsMatmul}) while its matrix
 * has at most {@link OneChannelConvAsMatmul#MAX_MATRIX_ENTRIES} entries;
 * <li>stride 1 as a 'same' convolution with the channel-swapped kernel;
 * <li>otherwise deconv2d with explicit padding ({@link ConvArgs#explicitTransposed}) and a crop.
 * </ul>
 */
final class DecoderConv {

    private final Steps forward;
    private final Steps backward;
    private final INDArray out;
    private final INDArray outGradient;
    private final boolean asMatmul;

    /**
     * @param in the layer's input [N, C, h, w] (contiguous); {@code inGradient} where its gradient goes (null:
     *        inference)
     * @param masks the layer's dropout stream, null for none
     * @param matrixLimit the largest first-layer matrix to run as GEMMs
     */
    DecoderConv(VaeArchitecture.Conv layer, boolean first, INDArray in, INDArray inGradient, Parameters params,
            int batch, float keep, DropoutBits masks, long matrixLimit) {
        if (layer.activation() != VaeArchitecture.Activation.RELU) {
            // the ReLU is fused into each formulation below (and the dropout factor relies on it)
            throw new IllegalArgumentException(layer.kernel() + ": DecoderConv implements ReLU only, not "
                    + layer.activation());
        }
        Parameters.Slot kernel = params.slot(layer.kernel());
        Parameters.Slot bias = params.slot(layer.bias());
        int k = layer.kernelSize();
        int s = layer.stride();
        int oh = layer.outHeight();
        int ow = layer.outWidth();
        boolean training = inGradient != null;
        out = create(batch, layer.outChannels(), oh, ow);
        outGradient = training ? create(batch, layer.outChannels(), oh, ow) : null;
        INDArray preGradient = training ? create(batch, layer.outChannels(), oh, ow) : null;
        forward = new Steps(layer.kernel());
        backward = new Steps(layer.kernel());
        Steps convBackward = new Steps(layer.kernel());
        asMatmul = first && layer.inChannels() == 1 && layer.inputSize() * layer.outputSize() <= matrixLimit;
        if (asMatmul) {
            OneChannelConvAsMatmul matmul = new OneChannelConvAsMatmul(in, inGradient, out, preGradient,
                    kernel, bias, params, probe -> {
                        INDArray o = create(probe[0].size(0), layer.outChannels(), oh, ow);
                        convAndRelu(layer, probe[0], probe[1], probe[2], o).run();
                        return o;
                    });
            forward.then(matmul.forward()).op(new RectifiedLinear(out, out, 0));
            if (training) {
                convBackward.then(matmul.backward());
            }
        } else if (s == 1) {
            forward.then(convAndRelu(layer, in, kernel.value(), bias.value(), out));
            if (training) {
                convBackward.op(custom("conv2d_bp", arrays(in, kernel.value(), bias.value(), preGradient),
                        arrays(inGradient, kernel.gradient(), bias.gradient()), ConvArgs.same(k, 1)));
            }
        } else {
            INDArray paddedGradient = preGradient;
            int excess = TransposedConvPadding.excess(k, s);
            if (training && excess != 0) {
                paddedGradient = create(batch, layer.outChannels(), oh + excess, ow + excess); // border stays 0
                preGradient = front(paddedGradient, excess, oh, ow);
            }
            forward.then(convAndRelu(layer, in, kernel.value(), bias.value(), out));
            if (training) {
                convBackward.op(custom("deconv2d_bp", arrays(in, kernel.value(), bias.value(), paddedGradient),
                        arrays(inGradient, kernel.gradient(), bias.gradient()), ConvArgs.explicitTransposed(k, s)));
            }
        }
        if (!training) {
            return;
        }
        Steps activationBackward = new Steps(layer.kernel());
        if (masks != null) {
            // out = relu(a) here, so relu'(a)·mask is the factor of out; the Java pass writes out·factor back into out
            INDArray factor = create(batch, layer.outChannels(), oh, ow);
            forward.java("dropout factor and product", new ActivationFactor(out, factor, 0f, keep, masks, out));
            activationBackward.op(new MulOp(outGradient, factor, preGradient));
        } else if (NativeArrays.standalone(preGradient)) {
            activationBackward.java("ReLU gradient", new ReluGradient(out, outGradient, preGradient));
        } else {
            // a strided layer's gradient is a view into its padded array
            activationBackward.op(custom("relu_bp", arrays(out, outGradient), arrays(preGradient)));
        }
        backward.then(activationBackward).then(convBackward);
    }

    /**
     * The (transposed) convolution op then ReLU into {@code out} [n, F, oh, ow], in flipped coordinates (the
     * op formulation; the one-channel GEMMs are probed against it).
     */
    private static Steps convAndRelu(VaeArchitecture.Conv layer, INDArray in, INDArray kernel, INDArray bias,
            INDArray out) {
        int k = layer.kernelSize();
        int s = layer.stride();
        Steps steps = new Steps(layer.kernel());
        if (s == 1) {
            return steps.op(custom("conv2d", arrays(in, kernel, bias), arrays(out), ConvArgs.same(k, 1)))
                    .op(new RectifiedLinear(out, out, 0));
        }
        int excess = TransposedConvPadding.excess(k, s);
        long oh = out.size(2);
        long ow = out.size(3);
        INDArray full = excess == 0 ? out : create(out.size(0), out.size(1), oh + excess, ow + excess);
        INDArray crop = excess == 0 ? out : front(full, excess, oh, ow);
        return steps.op(custom("deconv2d", arrays(in, kernel, bias), arrays(full), ConvArgs.explicitTransposed(k, s)))
                .op(new RectifiedLinear(crop, out, 0));
    }

    /** The [.., oh, ow] part of {@code full} after its first {@code excess} rows and columns. */
    private static INDArray front(INDArray full, int excess, long oh, long ow) {
        return full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(excess, oh + excess),
                NDArrayIndex.interval(excess, ow + excess));
    }

    Steps forward() { return forward; }

    Steps backward() { return backward; }

    INDArray out() { return out; }

    INDArray outGradient() { return outGradient; }

    boolean asMatmul() { return asMatmul; }
}
