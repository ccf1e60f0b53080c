package org.vaenodes.engine.net;

import static org.vaenodes.engine.net.NativeArrays.arrays;
import static org.vaenodes.engine.net.NativeArrays.create;
import static org.vaenodes.engine.net.NativeArrays.custom;
import static org.vaenodes.engine.net.NativeArrays.mmul;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.model.VaeArchitecture;

/**
 * The kernel and bias gradients of the first encoder layer, whose input is the images: conv2d_bp would also
 * compute the gradient of the images, which nothing reads (it took ~4.5 of the layer's ~5.2 ms backward per
 * seed iteration here). The kernel gradient is one GEMM over the batch's image patches instead:
 * {@code dK[taps, F] = patchesᵀ[taps, N·P] · dPreᵀ[N·P, F]}, with {@code dPre = dOut · factor} laid out filter
 * by filter ({@code [F, N·P]}) by the same Java pass that multiplies, and the bias gradient the sum of each
 * filter's values.
 *
 * <p>A patch row holds the inputs one output position sees, in the kernel's flat order
 * {@code (ky · k + kx) · C + c} (its layout [k, k, C, F] read as [taps, F]), zeros where TF's 'same' padding
 * lies: {@code floor(total / 2)} before and the rest after, as libnd4j's SAME mode pads. The arrays are
 * native and made once; the passes copy one image or one filter's row at a time through short Java arrays.
 */
final class ImageKernelGradient {

    /**
     * The fewest patch values worth a second thread: the seed batch's 200,704 took 0.19 ms on one thread and
     * no less on two (waking the other thread costs about as much).
     */
    private static final int PATCH_VALUES_PER_PART = 1 << 18;

    private final int images;
    private final int channels;
    private final int height;
    private final int width;
    private final int kernelSize;
    private final int stride;
    private final int outHeight;
    private final int outWidth;
    private final int padTop;
    private final int padLeft;
    private final int filters;
    private final int taps;
    /** Images per part of the patches pass. */
    private final int patchGrain;
    /** Per patch value of an image, the image value it is (see {@link #patchSources}). */
    private final int[] sources;

    private final FloatBuffer inNio;
    private final FloatBuffer outGradientNio;
    private final FloatBuffer factorNio;
    private final FloatBuffer patchesNio;
    private final FloatBuffer filterGradientNio;
    private final FloatBuffer imageSumsNio;
    private final Steps steps;

    /**
     * @param layer the first encoder layer, whose kernel and bias gradients in {@code params} are written
     * @param in the layer's input [N, C, H, W], contiguous
     * @param outGradient the gradient of the layer's output [N, F, OH, OW] and {@code factor} the activation
     *        and dropout factor it is multiplied by, both contiguous
     */
    ImageKernelGradient(VaeArchitecture.Conv layer, INDArray in, INDArray outGradient, INDArray factor,
            Parameters params) {
        Parameters.Slot kernel = params.slot(layer.kernel());
        Parameters.Slot bias = params.slot(layer.bias());
        images = Math.toIntExact(in.size(0));
        channels = layer.inChannels();
        height = layer.inHeight();
        width = layer.inWidth();
        filters = layer.outChannels();
        outHeight = layer.outHeight();
        outWidth = layer.outWidth();
        kernelSize = layer.kernelSize();
        stride = layer.stride();
        padTop = samePadding(height, outHeight, kernelSize, stride);
        padLeft = samePadding(width, outWidth, kernelSize, stride);
        taps = kernelSize * kernelSize * channels;
        sources = patchSources();
        patchGrain = Math.max(1, (PATCH_VALUES_PER_PART + sources.length - 1) / sources.length);
        long[] inShape = {images, channels, height, width};
        long[] outShape = {images, filters, outHeight, outWidth};
        if (!Arrays.equals(in.shape(), inShape) || !Arrays.equals(outGradient.shape(), outShape)
                || !Arrays.equals(factor.shape(), outShape)) {
            throw new IllegalArgumentException(layer.kernel() + ": arrays do not match the layer's shapes");
        }
        long positions = (long) images * outHeight * outWidth;
        INDArray patches = create(positions, taps);
        INDArray filterGradient = create(filters, positions);
        INDArray imageSums = create(images, filters);
        INDArray kernelGradient = kernel.gradient().reshape('c', taps, filters);
        if (kernelGradient.data().address() != kernel.gradient().data().address()) {
            throw new IllegalStateException(layer.kernel() + ": kernel gradient not contiguous");
        }
        inNio = NativeArrays.nio(in);
        outGradientNio = NativeArrays.nio(outGradient);
        factorNio = NativeArrays.nio(factor);
        patchesNio = NativeArrays.nio(patches);
        filterGradientNio = NativeArrays.nio(filterGradient);
        imageSumsNio = NativeArrays.nio(imageSums);
        steps = new Steps(layer.kernel())
                .java("image patches", () -> ParallelRanges.run(images, patchGrain, this::patches))
                .java("dOut · factor by filter", () -> ParallelRanges.run(images, 1, this::filterGradient))
                .op(mmul(patches, filterGradient, kernelGradient, true, true, 0))
                .op(custom("reduce_sum", arrays(imageSums), arrays(bias.gradient()), 0));
    }

    /** TF's leading 'same' padding: half the total, rounded down. */
    static int samePadding(int in, int out, int k, int s) {
        return Math.max(0, (out - 1) * s + k - in) / 2;
    }

    /** The backward pass: patches, dPre, then the two gradients. */
    Steps steps() {
        return steps;
    }

    /**
     * Where each patch value of an image comes from: its index in the image's values, or the index just past
     * them (a zero) for padding, so the patches pass is a plain gather.
     */
    private int[] patchSources() {
        int plane = height * width;
        int[] sources = new int[outHeight * outWidth * taps];
        int i = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int ky = 0; ky < kernelSize; ky++) {
                    int y = oy * stride - padTop + ky;
                    for (int kx = 0; kx < kernelSize; kx++) {
                        int x = ox * stride - padLeft + kx;
                        boolean inside = y >= 0 && y < height && x >= 0 && x < width;
                        for (int c = 0; c < channels; c++) {
                            sources[i++] = inside ? c * plane + y * width + x : channels * plane;
                        }
                    }
                }
            }
        }
        return sources;
    }

    /** Image patches of images [from, to), one row of {@code taps} per output position. */
    private void patches(int from, int to) {
        int imageLength = channels * height * width;
        int block = sources.length;
        float[] image = new float[imageLength + 1]; // the last stays 0: the padding
        float[] rows = new float[block];
        for (int n = from; n < to; n++) {
            inNio.get(n * imageLength, image, 0, imageLength);
            for (int i = 0; i < block; i++) {
                rows[i] = image[sources[i]];
            }
            patchesNio.put(n * block, rows, 0, block);
        }
    }

    /**
     * dPre = dOut · factor of images [from, to), written filter by filter ([F, N·P]), and each image's sum per
     * filter ([N, F], summed over the images by a native op: the order does not depend on the threads).
     */
    private void filterGradient(int from, int to) {
        int positions = outHeight * outWidth;
        int rowLength = images * positions;
        float[] gradient = new float[positions];
        float[] factor = new float[positions];
        float[] sums = new float[filters];
        for (int n = from; n < to; n++) {
            for (int f = 0; f < filters; f++) {
                int src = (n * filters + f) * positions;
                outGradientNio.get(src, gradient, 0, positions);
                factorNio.get(src, factor, 0, positions);
                float sum = 0f;
                for (int p = 0; p < positions; p++) {
                    float g = gradient[p] * factor[p];
                    gradient[p] = g;
                    sum += g;
                }
                sums[f] = sum;
                filterGradientNio.put(f * rowLength + n * positions, gradient, 0, positions);
            }
            imageSumsNio.put(n * filters, sums, 0, filters);
        }
    }
}
