package org.vaenodes.engine.net;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeWeights;

/**
 * All parameters of a network in one flat native buffer (and, for training, their gradients in a second one
 * of the same layout), so that Adam is one fused op. Each parameter is a {@link Slot}: where it lies in the
 * buffers and how it is stored there.
 *
 * <p>The decoder runs on spatially flipped images (each map turned by 180°; see {@link DecoderConv}), so three
 * kinds of parameters are stored permuted against the model's layout ({@link VaeWeights}): the output kernel's
 * rows flipped within each channel, the kernels of strided transposed convolutions flipped spatially, and those
 * of stride-1 ones with their channel axes swapped (conv kernels [k, k, in, out]). Fixed permutations: Adam,
 * being elementwise, is unchanged by them, and {@link #toModel} undoes them.
 */
public final class Parameters implements AutoCloseable {

    /**
     * One parameter: its views into the buffers ({@code gradient} null without gradients), offset, and which
     * of the model's rows (runs of {@code rowLength} values) each stored row holds ({@code rows} null: the
     * model's own layout).
     */
    public record Slot(VaeWeights.Param param, INDArray value, INDArray gradient, int offset, int length,
            int rowLength, int[] rows) {

        float[] toStored(float[] model) {
            if (rows == null) {
                return model;
            }
            float[] stored = new float[model.length];
            for (int j = 0; j < rows.length; j++) {
                System.arraycopy(model, rows[j] * rowLength, stored, j * rowLength, rowLength);
            }
            return stored;
        }

        float[] toModel(float[] stored) {
            if (rows == null) {
                return stored;
            }
            float[] model = new float[stored.length];
            for (int j = 0; j < rows.length; j++) {
                System.arraycopy(stored, j * rowLength, model, rows[j] * rowLength, rowLength);
            }
            return model;
        }
    }

    private final INDArray values;
    private final INDArray gradients;
    private final FloatBuffer valuesNio;
    private final FloatBuffer gradientsNio;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /** @param model the parameters in the model's layout, by name; copied */
    public Parameters(VaeArchitecture arch, Map<String, INDArray> model, boolean withGradients) {
        List<VaeWeights.Param> params = arch.params();
        long total = 0;
        for (VaeWeights.Param p : params) {
            total += length(p.shape());
        }
        values = Nd4j.create(DataType.FLOAT, total);
        gradients = withGradients ? Nd4j.create(DataType.FLOAT, total) : null;
        valuesNio = NativeArrays.nio(values);
        gradientsNio = withGradients ? NativeArrays.nio(gradients) : null;
        Map<String, long[]> storedShapes = new HashMap<>();
        Map<String, int[]> storedRows = new HashMap<>();
        Map<String, Integer> rowLengths = new HashMap<>();
        storedLayouts(arch, storedShapes, storedRows, rowLengths);
        long offset = 0;
        for (VaeWeights.Param p : params) {
            int length = Math.toIntExact(length(p.shape()));
            long[] shape = storedShapes.getOrDefault(p.name(), p.shape());
            INDArray value = values.get(NDArrayIndex.interval(offset, offset + length)).reshape('c', shape);
            INDArray gradient = withGradients
                    ? gradients.get(NDArrayIndex.interval(offset, offset + length)).reshape('c', shape) : null;
            Slot slot = new Slot(p, value, gradient, Math.toIntExact(offset), length,
                    rowLengths.getOrDefault(p.name(), 1), storedRows.get(p.name()));
            INDArray source = model.get(p.name());
            if (source == null) {
                throw new IllegalArgumentException("Missing weight '" + p.name() + "'");
            }
            valuesNio.put(slot.offset(), slot.toStored(source.castTo(DataType.FLOAT).dup('c').data().asFloat()));
            slots.put(p.name(), slot);
            offset += length;
        }
    }

    private static void storedLayouts(VaeArchitecture arch, Map<String, long[]> shapes, Map<String, int[]> rows,
            Map<String, Integer> rowLengths) {
        for (VaeArchitecture.Conv conv : arch.decoder()) {
            int k = conv.kernelSize();
            int oc = conv.outChannels();
            int ic = conv.inChannels();
            if (conv.stride() == 1) {
                shapes.put(conv.kernel(), new long[] {k, k, ic, oc});
                rows.put(conv.kernel(), channelsSwapped(k, oc, ic));
            } else {
                rows.put(conv.kernel(), spatiallyFlipped(k, oc, ic));
            }
        }
        VaeArchitecture.Dense out = arch.output();
        VaeArchitecture.Conv last = arch.decoder().get(arch.decoder().size() - 1);
        int area = last.outHeight() * last.outWidth();
        int[] flipped = new int[Math.toIntExact(out.in())];
        for (int ch = 0; ch < last.outChannels(); ch++) {
            for (int q = 0; q < area; q++) {
                flipped[ch * area + q] = ch * area + area - 1 - q;
            }
        }
        rows.put(out.kernel(), flipped);
        rowLengths.put(out.kernel(), Math.toIntExact(out.out()));
    }

    /** Stored [k, k, in, out] from the model's [k, k, out, in]: index of the model's value per stored value. */
    private static int[] channelsSwapped(int k, int oc, int ic) {
        int[] rows = new int[k * k * oc * ic];
        for (int tap = 0; tap < k * k; tap++) {
            for (int co = 0; co < oc; co++) {
                for (int ci = 0; ci < ic; ci++) {
                    rows[(tap * ic + ci) * oc + co] = (tap * oc + co) * ic + ci;
                }
            }
        }
        return rows;
    }

    /** The kernel turned by 180° in its two spatial axes. */
    private static int[] spatiallyFlipped(int k, int oc, int ic) {
        int[] rows = new int[k * k * oc * ic];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int co = 0; co < oc; co++) {
                    for (int ci = 0; ci < ic; ci++) {
                        rows[((a * k + b) * oc + co) * ic + ci] = (((k - 1 - a) * k + (k - 1 - b)) * oc + co) * ic + ci;
                    }
                }
            }
        }
        return rows;
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public Slot slot(String name) {
        Slot s = slots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No parameter '" + name + "'");
        }
        return s;
    }

    /** All parameter values, flat. */
    public INDArray values() { return values; }

    /** All gradients, flat, in the values' layout. */
    public INDArray gradients() { return gradients; }

    FloatBuffer valuesNio() { return valuesNio; }

    FloatBuffer gradientsNio() { return gradientsNio; }

    /** Standalone copies in the model's layout ({@link VaeWeights}) of the values, or of the gradients. */
    public Map<String, INDArray> toModel(boolean ofGradients) {
        FloatBuffer source = ofGradients ? gradientsNio : valuesNio;
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Slot s : slots.values()) {
            float[] stored = new float[s.length()];
            source.get(s.offset(), stored, 0, stored.length);
            out.put(s.param().name(), Nd4j.create(s.toModel(stored), s.param().shape(), 'c'));
        }
        return out;
    }

    /** Releases the buffers; unusable afterwards. */
    @Override
    public void close() {
        values.close();
        if (gradients != null) {
            gradients.close();
        }
    }

    /** Reads a parameter's stored values into {@code dst}. */
    void read(Slot s, float[] dst) {
        valuesNio.get(s.offset(), dst, 0, dst.length);
    }

    /** Writes a parameter's gradient from {@code src}. */
    void writeGradient(Slot s, float[] src) {
        gradientsNio.put(s.offset(), src, 0, src.length);
    }
}
