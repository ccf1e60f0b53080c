package org.vaenodes.engine.net;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference's leaky ReLU, {@code x = max(x, α·x)} in place, as one Java pass split over the cores. It replaces
 * a native scalar multiply into a copy of the layer's output and a native maximum of the two: three passes
 * over the output and a second array of its size (12.8 MB for the seed's first encoder layer at batch 256)
 * against one pass and no second array. The values move through a chunk buffer
 * ({@link ParallelRanges#runChunks}), so the loop runs on a Java array the JIT vectorises.
 */
final class LeakyReluInPlace implements Runnable {

    private final FloatBuffer values;
    private final int length;
    private final float slope;

    /** @param x the array to activate in place, contiguous; @param slope α, the slope below 0 */
    LeakyReluInPlace(INDArray x, float slope) {
        this.values = NativeArrays.nio(x);
        this.length = Math.toIntExact(x.length());
        this.slope = slope;
    }

    @Override
    public void run() {
        ParallelRanges.runChunks(length, 1, this::chunk);
    }

    private void chunk(int start, int n, float[][] buffers) {
        float[] x = buffers[0];
        float a = slope;
        values.get(start, x, 0, n);
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(x[i], a * x[i]);
        }
        values.put(start, x, 0, n);
    }
}
