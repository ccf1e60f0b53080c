package org.vaenodes.engine.net;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ReLU's backward pass for a layer without dropout, {@code dPre = out > 0 ? dOut : 0}, as one Java pass split
 * over the cores; libnd4j's {@code relu_bp} took 2.4–2.8 ms for the seed's last decoder layer per iteration.
 * The sign is read without a branch ({@link ActivationFactor#select}): ReLU outputs are zero about half the
 * time, in no pattern. Values move through buffers of {@link ParallelRanges#CHUNK} floats per part, so the
 * Java heap holds no copy of the layer.
 */
final class ReluGradient implements Runnable {

    private final FloatBuffer out;
    private final FloatBuffer outGradient;
    private final FloatBuffer preGradient;
    private final int length;

    /** @param out the ReLU's output; @param outGradient its gradient; @param preGradient where dPre goes */
    ReluGradient(INDArray out, INDArray outGradient, INDArray preGradient) {
        if (out.length() != outGradient.length() || out.length() != preGradient.length()) {
            throw new IllegalArgumentException("ReLU output, its gradient and the input gradient differ in length");
        }
        this.out = NativeArrays.nio(out);
        this.outGradient = NativeArrays.nio(outGradient);
        this.preGradient = NativeArrays.nio(preGradient);
        this.length = Math.toIntExact(out.length());
    }

    @Override
    public void run() {
        ParallelRanges.runChunks(length, 2, this::chunk);
    }

    private void chunk(int start, int n, float[][] buffers) {
        float[] o = buffers[0];
        float[] g = buffers[1];
        out.get(start, o, 0, n);
        outGradient.get(start, g, 0, n);
        for (int i = 0; i < n; i++) {
            g[i] = Float.intBitsToFloat(ActivationFactor.select(o[i], Float.floatToRawIntBits(g[i]), 0));
        }
        preGradient.put(start, g, 0, n);
    }
}
