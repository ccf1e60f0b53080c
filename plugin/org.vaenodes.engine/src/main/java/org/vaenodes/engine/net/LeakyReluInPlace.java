package org.vaenodes.engine.net;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference's leaky ReLU, {@code x = max(x, α·x)} in place, as one Java pass split over the cores. It replaces
 * a native scalar multiply into a copy of the layer's output and a native maximum of the two: three passes
 * over the output and a second array of its size (12.8 MB for the seed's first encoder layer at batch 256)
 * against one pass and no second array. The values move through a small buffer per part, a cache's worth, so
 * the loop runs on a Java array the JIT vectorises and no copy of the whole layer lands on the Java heap.
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
        ParallelRanges.run(length, ParallelRanges.CHUNK, this::part);
    }

    private void part(int from, int to) {
        float[] buffer = new float[Math.min(ParallelRanges.CHUNK, to - from)];
        float a = slope;
        for (int start = from; start < to; start += ParallelRanges.CHUNK) {
            int n = Math.min(ParallelRanges.CHUNK, to - start);
            values.get(start, buffer, 0, n);
            for (int i = 0; i < n; i++) {
                buffer[i] = Math.max(buffer[i], a * buffer[i]);
            }
            values.put(start, buffer, 0, n);
        }
    }
}
