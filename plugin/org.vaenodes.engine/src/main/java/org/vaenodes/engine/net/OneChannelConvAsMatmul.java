package org.vaenodes.engine.net;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The decoder's first (transposed) convolution, whose input is the one-channel code grid, as matrix products:
 * {@code out[B, F·P] = in[B, Q] · T[Q, F·P]}, T being the layer's linear map (Q grid cells, F filters, P output
 * positions), mostly zeros and rebuilt from the kernel every step. libnd4j's deconv2d runs this layer's ~3 M
 * multiply-adds per seed batch at under 1 GMAC/s (4.3 ms forward + 2.5 ms backward per iteration); as three
 * GEMMs of ~40 M multiply-adds it takes ~1.5 ms.
 *
 * <p>Which kernel tap links grid cell q to output position p is not derived from padding arithmetic: the
 * layer's own ops are run once on one-hot inputs with a kernel whose entries are their tap numbers, so this
 * computes the same function as those ops by construction (DirectVaeStepTest and VaeModelInferenceTest check
 * both paths against SameDiff and each other).
 * The kernel's flat layout must be {@code tap · F + filter} (true of both internal layouts for one input channel).
 * The code grid has one channel whatever the images' channels ({@link org.vaenodes.engine.model.VaeArchitecture}):
 * colour enters at the first encoder layer and leaves at the output layer, so RGB models use this path too.
 */
final class OneChannelConvAsMatmul {

    /** T's size limit: beyond it (large code grids) the dense matrix costs more than the convolution op. */
    static final long MAX_MATRIX_ENTRIES = 4L << 20;

    private final int cells;
    private final int filters;
    private final int positions;
    private final int taps;
    /** The links: cell, output position and kernel tap of each connected pair. */
    private final int[] linkCell;
    private final int[] linkPosition;
    private final int[] linkTap;

    private final INDArray matrix;
    private final FloatBuffer matrixNio;
    private final INDArray matrixGrad;
    private final FloatBuffer matrixGradNio;
    private final INDArray biasRow;
    private final FloatBuffer biasRowNio;
    private final INDArray outputGradSum;
    private final FloatBuffer outputGradSumNio;

    private final Parameters params;
    private final Parameters.Slot kernelSlot;
    private final Parameters.Slot biasSlot;
    private final float[] kernel;
    private final float[] bias;
    private final float[] row;
    private final float[] dMatrix;
    private final float[] gradKernel;
    private final float[] gradBias;

    private final Steps forward;
    private final Steps backward;

    /**
     * @param in the layer's input [B, 1, h, w]; {@code dIn} its gradient (written), null for inference, where
     *        the weights stay fixed and the matrix is built once
     * @param out the layer's pre-activation output [B, F, oh, ow], contiguous; {@code dOut} its gradient (read)
     * @param kernel, bias the layer's parameters (the kernel's flat layout: tap · F + filter)
     * @param layer runs the layer's own ops (pre-activation output, or any function that equals it on
     *        non-negative values) on a batch of inputs with the given kernel and a zero bias
     */
    OneChannelConvAsMatmul(INDArray in, INDArray dIn, INDArray out, INDArray dOut, Parameters.Slot kernel,
            Parameters.Slot bias, Parameters params, Function<INDArray[], INDArray> layer) {
        long batch = in.size(0);
        cells = Math.toIntExact(in.length() / batch);
        filters = Math.toIntExact(out.size(1));
        positions = Math.toIntExact(out.length() / batch / filters);
        long[] kernelShape = kernel.value().shape();
        int kernelLength = kernel.length();
        taps = kernelLength / filters;
        this.params = params;
        this.kernelSlot = kernel;
        this.biasSlot = bias;

        int[][] links = probeLinks(in, kernelShape, layer);
        linkCell = links[0];
        linkPosition = links[1];
        linkTap = links[2];

        boolean training = dIn != null;
        int width = filters * positions;
        matrix = NativeArrays.create(cells, width);
        matrixNio = NativeArrays.nio(matrix);
        matrixGrad = training ? NativeArrays.create(cells, width) : null;
        matrixGradNio = training ? NativeArrays.nio(matrixGrad) : null;
        biasRow = NativeArrays.create(width);
        biasRowNio = NativeArrays.nio(biasRow);
        outputGradSum = training ? NativeArrays.create(width) : null;
        outputGradSumNio = training ? NativeArrays.nio(outputGradSum) : null;
        this.kernel = new float[kernelLength];
        this.bias = new float[filters];
        row = new float[width];
        dMatrix = training ? new float[cells * width] : null;
        gradKernel = new float[kernelLength];
        gradBias = new float[filters];

        INDArray in2 = in.reshape('c', batch, cells);
        INDArray out2 = out.reshape('c', batch, width);
        forward = new Steps("one-channel conv as GEMMs");
        backward = new Steps("one-channel conv as GEMMs");
        if (training) {
            forward.java("kernel into matrix", this::loadMatrixAndBias);
        } else {
            loadMatrixAndBias();
        }
        forward.op(NativeArrays.mmul(in2, matrix, out2, false, false, 0))
                .op(new BroadcastAddOp(out2, biasRow, out2, 1));
        if (training) {
            INDArray dIn2 = dIn.reshape('c', batch, cells);
            INDArray dOut2 = dOut.reshape('c', batch, width);
            backward.op(NativeArrays.mmul(dOut2, matrix, dIn2, false, true, 0))
                    .op(NativeArrays.mmul(in2, dOut2, matrixGrad, true, false, 0))
                    .op(DynamicCustomOp.builder("reduce_sum").addInputs(dOut2).addOutputs(outputGradSum)
                            .addIntegerArguments(0).build())
                    .java("matrix gradient into kernel", this::storeKernelAndBiasGradients);
        }
    }

    /** The pre-activation output from the input. */
    Steps forward() {
        return forward;
    }

    /** dIn and the kernel and bias gradients from dOut. */
    Steps backward() {
        return backward;
    }

    private int[][] probeLinks(INDArray in, long[] kernelShape, Function<INDArray[], INDArray> layer) {
        long[] probeShape = in.shape().clone();
        probeShape[0] = cells;
        try (INDArray oneHot = Nd4j.create(DataType.FLOAT, probeShape);
                INDArray tapNumbers = Nd4j.create(DataType.FLOAT, kernelShape);
                INDArray zeroBias = Nd4j.create(DataType.FLOAT, filters)) {
            INDArray flatHot = oneHot.reshape('c', cells, cells);
            for (int q = 0; q < cells; q++) {
                flatHot.putScalar(q, q, 1f);
            }
            float[] numbers = new float[Math.toIntExact(tapNumbers.length())];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = i / filters + 1; // the same for every filter; 0 means "not linked"
            }
            NativeArrays.nio(tapNumbers).put(0, numbers);
            float[] response = layer.apply(new INDArray[] {oneHot, tapNumbers, zeroBias}).castTo(DataType.FLOAT)
                    .dup('c').data().asFloat();
            List<int[]> found = new ArrayList<>();
            for (int q = 0; q < cells; q++) {
                for (int p = 0; p < positions; p++) {
                    float v = response[q * filters * positions + p]; // filter 0
                    if (v != 0) {
                        found.add(new int[] {q, p, Math.round(v) - 1});
                    }
                }
            }
            int[][] links = new int[3][found.size()];
            for (int j = 0; j < found.size(); j++) {
                for (int part = 0; part < 3; part++) {
                    links[part][j] = found.get(j)[part];
                }
            }
            return links;
        }
    }

    /** T[q, f·P + p] = kernel[tap(q, p), f] (all other entries stay 0); the bias repeated over positions. */
    private void loadMatrixAndBias() {
        params.read(kernelSlot, kernel);
        params.read(biasSlot, bias);
        int width = filters * positions;
        for (int j = 0; j < linkCell.length; j++) {
            int base = linkCell[j] * width + linkPosition[j];
            int k = linkTap[j] * filters;
            for (int f = 0; f < filters; f++) {
                matrixNio.put(base + f * positions, kernel[k + f]);
            }
        }
        for (int f = 0; f < filters; f++) {
            java.util.Arrays.fill(row, f * positions, (f + 1) * positions, bias[f]);
        }
        biasRowNio.put(0, row);
    }

    /** dKernel[tap, f] = Σ over links with that tap of dT[q, f·P + p]; dBias[f] = Σ over batch and positions. */
    private void storeKernelAndBiasGradients() {
        matrixGradNio.get(0, dMatrix);
        java.util.Arrays.fill(gradKernel, 0f);
        int width = filters * positions;
        for (int j = 0; j < linkCell.length; j++) {
            int base = linkCell[j] * width + linkPosition[j];
            int k = linkTap[j] * filters;
            for (int f = 0; f < filters; f++) {
                gradKernel[k + f] += dMatrix[base + f * positions];
            }
        }
        outputGradSumNio.get(0, row);
        for (int f = 0; f < filters; f++) {
            float sum = 0;
            for (int p = f * positions; p < (f + 1) * positions; p++) {
                sum += row[p];
            }
            gradBias[f] = sum;
        }
        params.writeGradient(kernelSlot, gradKernel);
        params.writeGradient(biasSlot, gradBias);
    }
}
