package org.vaenodes.engine.net;

import java.util.Arrays;

import org.vaenodes.engine.model.VaeArchitecture;

/**
 * A small dense layer with leaky ReLU, in plain Java on Java arrays: out[N, O] = lrelu(in[N, I] · W[I, O] + b).
 * The decoder's two dense layers are a few thousand multiply-adds per image, cheaper here than the native
 * calls they would take.
 */
final class SmallDense {

    private final Parameters params;
    private final Parameters.Slot kernelSlot;
    private final Parameters.Slot biasSlot;
    private final int batch;
    private final int nIn;
    private final int nOut;
    private final float alpha;
    private final float[] kernel;
    private final float[] bias;
    private final float[] pre;
    private final float[] out;
    private final float[] inGradient;
    private final float[] kernelGradient;
    private final float[] biasGradient;
    private float[] in;

    SmallDense(VaeArchitecture.Dense layer, Parameters params, int batch, float alpha, boolean training) {
        if (layer.activation() != VaeArchitecture.Activation.LEAKY_RELU) {
            throw new IllegalArgumentException(layer.kernel() + ": only leaky ReLU runs in Java");
        }
        this.params = params;
        this.kernelSlot = params.slot(layer.kernel());
        this.biasSlot = params.slot(layer.bias());
        this.batch = batch;
        this.nIn = Math.toIntExact(layer.in());
        this.nOut = Math.toIntExact(layer.out());
        this.alpha = alpha;
        kernel = new float[nIn * nOut];
        bias = new float[nOut];
        pre = new float[batch * nOut];
        out = new float[batch * nOut];
        inGradient = training ? new float[batch * nIn] : null;
        kernelGradient = training ? new float[nIn * nOut] : null;
        biasGradient = training ? new float[nOut] : null;
    }

    /** out = lrelu(in·W + b), the pre-activation kept for the backward pass; {@code in} is read again there. */
    float[] forward(float[] input) {
        in = input;
        params.read(kernelSlot, kernel);
        params.read(biasSlot, bias);
        for (int n = 0; n < batch; n++) {
            int po = n * nOut;
            System.arraycopy(bias, 0, pre, po, nOut);
            int pi = n * nIn;
            for (int i = 0; i < nIn; i++) {
                float v = in[pi + i];
                int wo = i * nOut;
                for (int o = 0; o < nOut; o++) {
                    pre[po + o] += v * kernel[wo + o];
                }
            }
            for (int o = 0; o < nOut; o++) {
                float a = pre[po + o];
                out[po + o] = a > 0 ? a : alpha * a;
            }
        }
        return out;
    }

    /**
     * From the output's gradient {@code dOut} (overwritten with the pre-activation's) to the input's
     * (returned) and the kernel's and bias's (written).
     */
    float[] backward(float[] dOut) {
        Arrays.fill(kernelGradient, 0f);
        Arrays.fill(biasGradient, 0f);
        for (int n = 0; n < batch; n++) {
            int po = n * nOut;
            for (int o = 0; o < nOut; o++) {
                float d = dOut[po + o];
                if (pre[po + o] <= 0) {
                    d *= alpha;
                }
                dOut[po + o] = d;
                biasGradient[o] += d;
            }
            int pi = n * nIn;
            for (int i = 0; i < nIn; i++) {
                float v = in[pi + i];
                int wo = i * nOut;
                float acc = 0;
                for (int o = 0; o < nOut; o++) {
                    float d = dOut[po + o];
                    kernelGradient[wo + o] += v * d;
                    acc += d * kernel[wo + o];
                }
                inGradient[pi + i] = acc;
            }
        }
        params.writeGradient(kernelSlot, kernelGradient);
        params.writeGradient(biasSlot, biasGradient);
        return inGradient;
    }
}
