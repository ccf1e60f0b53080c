package org.vaenodes.engine.net;

import static org.vaenodes.engine.net.NativeArrays.arrays;
import static org.vaenodes.engine.net.NativeArrays.create;
import static org.vaenodes.engine.net.NativeArrays.custom;
import static org.vaenodes.engine.net.NativeArrays.mmul;
import static org.vaenodes.engine.net.NativeArrays.nio;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.vaenodes.engine.model.VaeArchitecture;

/**
 * The output layer: logits[N, pixels] = flat[N, D] · W + b as a BLAS GEMM and a broadcast add (SameDiff's
 * fused xw_plus_b is not BLAS-backed in M2.1 and took ~60% of an iteration). In training also σ(logits) and,
 * for the Bernoulli loss, softplus(logits), which the loss reads.
 */
final class OutputLayer {

    private final Steps forward = new Steps("output");
    private final Steps backward = new Steps("output");
    private final FloatBuffer logits;
    private final FloatBuffer probabilities;
    private final FloatBuffer softplus;
    private final FloatBuffer logitsGradient;

    /** @param flat the decoder output [N, D]; {@code flatGradient} its gradient (null: inference) */
    OutputLayer(VaeArchitecture.Dense layer, INDArray flat, INDArray flatGradient, Parameters params, int batch,
            boolean withSoftplus) {
        if (layer.activation() != VaeArchitecture.Activation.NONE) {
            throw new IllegalArgumentException(layer.kernel() + ": the output layer gives logits, no activation");
        }
        Parameters.Slot kernel = params.slot(layer.kernel());
        Parameters.Slot bias = params.slot(layer.bias());
        int pixels = Math.toIntExact(layer.out());
        INDArray logitsArray = create(batch, pixels);
        logits = nio(logitsArray);
        forward.op(mmul(flat, kernel.value(), logitsArray, false, false, 0))
                .op(new BroadcastAddOp(logitsArray, bias.value(), logitsArray, 1));
        if (flatGradient == null) {
            probabilities = null;
            softplus = null;
            logitsGradient = null;
            return;
        }
        INDArray probs = create(batch, pixels);
        INDArray soft = create(batch, pixels);
        INDArray dLogits = create(batch, pixels);
        probabilities = nio(probs);
        softplus = nio(soft);
        logitsGradient = nio(dLogits);
        forward.op(new Sigmoid(logitsArray, probs));
        if (withSoftplus) {
            forward.op(new SoftPlus(logitsArray, soft));
        }
        backward.op(mmul(flat, dLogits, kernel.gradient(), true, false, 0))
                .op(custom("reduce_sum", arrays(dLogits), arrays(bias.gradient()), 0))
                .op(mmul(dLogits, kernel.value(), flatGradient, false, true, 0));
    }

    Steps forward() { return forward; }

    Steps backward() { return backward; }

    FloatBuffer logits() { return logits; }

    /** σ(logits); training only. */
    FloatBuffer probabilities() { return probabilities; }

    /** softplus(logits); training with the Bernoulli loss only. */
    FloatBuffer softplus() { return softplus; }

    /** Where the loss writes its gradient w.r.t. the logits; training only. */
    FloatBuffer logitsGradient() { return logitsGradient; }
}
