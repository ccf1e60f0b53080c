package org.vaenodes.engine.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.vaenodes.engine.image.GridBounds;
import org.vaenodes.engine.model.TransposedConvPadding;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeConfig.FeatureMap;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.train.LossHistory;

/**
 * The peak Java heap and native (ND4J) memory a training or inference run needs, computed from its
 * configuration before anything is allocated, as a list of parts, so that a run that cannot fit is refused with
 * the estimate and what to change instead of failing with an {@link OutOfMemoryError} minutes later.
 *
 * <p>It counts the arrays the engine allocates ({@code DirectVaeStep}, {@code EagerInference}, the trainer's and
 * the nodes' Java buffers) plus, per batch, a copy of the largest convolution's input and output (oneDNN reorders
 * them into its blocked layout; in training also their gradients; an im2col buffer, k² times the input, is what the plain libnd4j build would take,
 * but the oneDNN builds shipped here showed none: counting it had inference estimates 2.2 times too high). Not
 * counted: the JVM's and libnd4j's own fixed overhead (~100–300 MB), which {@link MemoryBudget} takes off the limit
 * as memory already in use. {@code MemoryEstimateTest} compares the native estimate with what the C allocator
 * really hands out for a few configurations (documented factor there: the estimate is at least what a run holds
 * and at most 1.5 times it).
 */
public final class MemoryEstimate {

    private static final long FLOAT = Float.BYTES;

    /**
     * One share of the estimate.
     *
     * @param items for a share that grows with a setting (batch size, images, count): that setting's value, else 0
     * @param setting the name of that setting (null for a fixed share)
     * @param remedy what else makes this share smaller
     */
    public record Part(String name, long heapBytes, long nativeBytes, long items, String setting, String remedy) {

        static Part fixed(String name, long heapBytes, long nativeBytes, String remedy) {
            return new Part(name, heapBytes, nativeBytes, 0, null, remedy);
        }
    }

    private final String task;
    private final List<Part> parts;

    private MemoryEstimate(String task, List<Part> parts) {
        this.task = task;
        this.parts = List.copyOf(parts);
    }

    public String task() { return task; }
    public List<Part> parts() { return Collections.unmodifiableList(parts); }

    public long heapBytes() {
        long sum = 0;
        for (Part p : parts) {
            sum = Math.addExact(sum, p.heapBytes());
        }
        return sum;
    }

    public long nativeBytes() {
        long sum = 0;
        for (Part p : parts) {
            sum = Math.addExact(sum, p.nativeBytes());
        }
        return sum;
    }

    /** What changes the size of the parameters: every weight array, gradient and Adam moment. */
    private static final String ARCHITECTURE = "fewer filters, larger encoder strides, smaller decoder strides or smaller images";

    // ---- training -------------------------------------------------------------------------------------------

    /**
     * Training with {@code VaeTrainer}.
     *
     * @param images images to train on, or -1 when not known yet (then the batch is the configured one)
     * @param storedImageBytes the heap the caller's copy of those images takes; 0 not to count them
     * @param modelBytesOnHeap whether the trained model is then kept as a model file in memory (KNIME's port)
     */
    public static MemoryEstimate training(VaeConfig c, long images, long storedImageBytes, boolean modelBytesOnHeap) {
        List<Part> parts = new ArrayList<>();
        long p = c.parameterCount();
        long largest = largestParameter(c);
        // params, gradients, Adam's two moments (one flat array each), plus the initial weights and, at the end,
        // the trained model's copy; the largest parameter also passes through two temporary conversions
        long paramNative = Math.multiplyExact(FLOAT, Math.addExact(Math.multiplyExact(5, p), 2 * largest));
        // one parameter at a time as doubles (initial values) or twice as floats (layout conversions), and Adam's
        // two moments, which the trained model keeps on the heap for continuing exactly
        long paramHeap = Math.addExact(Math.multiplyExact(8, largest), Math.multiplyExact(2 * FLOAT, p));
        if (modelBytesOnHeap) {
            // the model file (weights and both moments) written into a growing byte array: old and doubled buffer,
            // then the final copy
            paramHeap = Math.addExact(paramHeap, Math.multiplyExact(3 * 3 * FLOAT, p));
        }
        parts.add(Part.fixed("the " + group(p) + " parameters and their copies (gradients, Adam moments, model)",
                paramHeap, paramNative, ARCHITECTURE));

        int batch = images > 0 ? (int) Math.min(c.batchSize(), images) : c.batchSize();
        long[] perImage = trainingPerImage(c);
        long[] fixed = trainingFixed(c);
        parts.add(new Part("activations and gradients of a batch of " + batch, Math.multiplyExact(perImage[0], batch),
                Math.multiplyExact(perImage[1], batch), batch, "batch size", ARCHITECTURE));
        parts.add(Part.fixed("the decoder's dense layers", fixed[0], fixed[1],
                "a smaller decoder hidden size or larger encoder strides"));
        parts.add(Part.fixed("the loss history", LossHistory.bytes(c.iterations()), 0, "fewer iterations"));
        if (images > 0 && storedImageBytes > 0) {
            parts.add(new Part("the " + group(images) + " training images", storedImageBytes, 0, images,
                    "number of training images", "smaller images"));
        }
        return new MemoryEstimate("Training", parts);
    }

    /** {heap, native} bytes per image of a training batch. */
    private static long[] trainingPerImage(VaeConfig c) {
        int k = c.kernelSize();
        long px = c.imageValues(); // every channel's values
        long latent = c.latentSize();
        long grid = (long) c.codeHeight() * c.codeWidth();
        boolean dropout = c.keepProbability() < 1;
        // native: the images and the first layer's patches (ImageKernelGradient: k² values per output position and
        // channel), the output layer's logits, probabilities, softplus and gradient, the latent arrays, the
        // decoder input and its gradient
        FeatureMap first = c.encoderMaps().get(0);
        long patches = (long) first.height() * first.width() * k * k * c.channels();
        long nat = px + patches + 4 * px + 4 * latent + 2 * grid;
        // heap: the trainer's and the step's copies of the batch, the latent and dense activations
        long heap = 2 * px + 6 * latent + 3L * c.decoderHidden() + 4 * grid;
        long scratch = 0;
        long in = px;
        for (FeatureMap m : c.encoderMaps()) {
            // pre-activation, factor, output, their gradients (the first layer's pre-activation gradient laid out
            // filter by filter)
            nat += 5 * m.values();
            scratch = Math.max(scratch, in + m.values());
            in = m.values();
        }
        List<FeatureMap> dec = c.decoderMaps();
        int[] strides = c.decoderStrides();
        for (int i = 0; i < dec.size(); i++) {
            FeatureMap m = dec.get(i);
            boolean drop = dropout && i < dec.size() - 1;
            nat += (drop ? 4 : 3) * m.values();
            int excess = strides[i] == 1 ? 0 : TransposedConvPadding.excess(k, strides[i]);
            if (excess > 0) {
                // the uncropped output and its gradient
                nat += 2L * m.channels() * (m.height() + excess) * (m.width() + excess);
            }
            scratch = Math.max(scratch, in + m.values());
            in = m.values();
        }
        // oneDNN's reordered copies: of the input and output going forward, of their gradients going back, and a
        // third that a backward pass sometimes still holds (peaks read every millisecond reached 421 MiB against
        // 420 estimated with two on the activation-heavy test configuration, 365 MiB in other runs)
        return new long[] {FLOAT * heap, FLOAT * (nat + 3 * scratch)};
    }

    /** {heap, native} bytes that do not grow with the batch. */
    private static long[] trainingFixed(VaeConfig c) {
        long grid = (long) c.codeHeight() * c.codeWidth();
        long hidden = c.decoderHidden();
        long heap = FLOAT * (2 * c.latentSize() * hidden + 2 * hidden * grid);
        long nat = 0;
        long matrix = firstDecoderMatrix(c);
        if (matrix > 0) {
            FeatureMap first = c.decoderMaps().get(0);
            nat = FLOAT * (2 * matrix + 2 * first.values());
            heap += FLOAT * matrix;
        }
        return new long[] {heap, nat};
    }

    /** Entries of the first decoder layer's matrix where it runs as one (see OneChannelConvAsMatmul), else 0. */
    private static long firstDecoderMatrix(VaeConfig c) {
        long entries = (long) c.codeHeight() * c.codeWidth() * c.decoderMaps().get(0).values();
        return entries <= FIRST_LAYER_MATRIX_LIMIT ? entries : 0;
    }

    /** Native memory libnd4j and oneDNN take besides the arrays during inference (see {@link #inference}). */
    private static final long NATIVE_BOOKKEEPING = 4L << 20;

    /** The size limit both training and inference apply to that matrix. */
    private static final long FIRST_LAYER_MATRIX_LIMIT = 4L << 20;

    // ---- inference ------------------------------------------------------------------------------------------

    /**
     * Inference with a {@link VaeModel}: opening the model and running its encoder and/or decoder on batches of
     * {@link VaeModel#INFERENCE_BATCH}.
     *
     * @param rows images the caller holds at once (its chunk), with {@code heapPerRow} bytes of its own per row
     *        besides their pixels and the model's outputs
     * @param rowsSetting the setting that chooses {@code rows}, or null where the caller chooses it
     * @param modelBytesOnHeap whether a model file is also held in memory (KNIME's port object)
     */
    public static MemoryEstimate inference(VaeConfig c, String task, boolean encoder, boolean decoder, long rows,
            long heapPerRow, String rowsSetting, boolean modelBytesOnHeap) {
        List<Part> parts = new ArrayList<>();
        long p = c.parameterCount();
        // stride-1 decoder kernels are also kept rearranged as convolution kernels
        long convCopies = 0;
        int[] strides = c.decoderStrides();
        int[] filters = c.decoderFilters();
        long kk = (long) c.kernelSize() * c.kernelSize();
        for (int i = 0; decoder && i < strides.length; i++) {
            if (strides[i] == 1) {
                convCopies += kk * filters[i] * (i == 0 ? 1 : filters[i - 1]);
            }
        }
        // the model file's bytes while it is read, and the port's copy where there is one
        long modelHeap = Math.multiplyExact(FLOAT, Math.addExact(p, modelBytesOnHeap ? p : 0));
        // natively: the model's weight arrays, the network's own copy in its layers' layouts, and the transposed
        // copies its formulations keep (the flipped output kernel, stride-1 decoder kernels as convolutions)
        long outputKernel = Math.multiplyExact(c.decoderMaps().get(c.decoderMaps().size() - 1).values(), (long) c.imageValues());
        parts.add(Part.fixed("the model's weights (" + group(p) + " parameters)", modelHeap,
                Math.multiplyExact(FLOAT, Math.addExact(2 * p, (decoder ? outputKernel : 0) + convCopies)), ARCHITECTURE));

        long batch = VaeModel.INFERENCE_BATCH;
        long px = c.imageValues(); // every channel's values
        long latent = c.latentSize();
        int k = c.kernelSize();
        long nat = 0;
        long scratch = 0;
        if (encoder) {
            nat += px + 2 * latent;
            long in = px;
            for (FeatureMap m : c.encoderMaps()) {
                nat += m.values(); // the output, activated in place
                scratch = Math.max(scratch, in + m.values());
                in = m.values();
            }
        }
        long fixedNative = 0;
        if (decoder) {
            long grid = (long) c.codeHeight() * c.codeWidth();
            nat += latent + c.decoderHidden() + grid + px;
            List<FeatureMap> dec = c.decoderMaps();
            long matrix = firstDecoderMatrix(c);
            int channels = 1;
            long in = grid;
            for (int i = 0; i < dec.size(); i++) {
                FeatureMap m = dec.get(i);
                nat += m.values();
                if (i == 0 && matrix > 0) {
                    // one GEMM with the layer's matrix, no convolution
                } else if (strides[i] == 1) {
                    long padded = (long) channels * (m.height() + k - 1) * (m.width() + k - 1);
                    nat += padded;
                    scratch = Math.max(scratch, padded + m.values());
                } else {
                    int excess = TransposedConvPadding.excess(k, strides[i]);
                    long full = excess == 0 ? m.values() : (long) m.channels() * (m.height() + excess) * (m.width() + excess);
                    nat += excess == 0 ? 0 : full;
                    scratch = Math.max(scratch, in + full);
                }
                channels = m.channels();
                in = m.values();
            }
            // the matrix, its bias row, and while it is probed the one-hot layer output and its copy
            fixedNative = FLOAT * (matrix + dec.get(0).values() + (matrix > 0 ? 2 * matrix : 0));
        }
        // Java: a batch's input copied in, its output copied out
        long batchHeap = FLOAT * batch * ((encoder ? px + 2 * latent : 0) + (decoder ? latent + px : 0));
        parts.add(Part.fixed("the network's activations for a batch of " + batch, batchHeap,
                Math.addExact(Math.multiplyExact(FLOAT * batch, nat + scratch), fixedNative), "smaller images or " + ARCHITECTURE));
        // ND4J's shape buffers, the oneDNN helpers' small allocations per op and whatever else the process
        // mallocs meanwhile: the peaks of a model whose weights dwarf its batch-64 activations were 0.1–1.7 MB
        // above the sum of its arrays in three runs
        parts.add(Part.fixed("the native libraries' bookkeeping", 0, NATIVE_BOOKKEEPING, ARCHITECTURE));
        long perRow = Math.addExact(heapPerRow, FLOAT * ((encoder ? px + 2 * latent : 0) + (decoder ? latent + 2 * px : 0)));
        parts.add(new Part("the " + group(rows) + " images held at once", Math.multiplyExact(perRow, rows), 0,
                rowsSetting == null ? 0 : rows, rowsSetting, "smaller images"));
        return new MemoryEstimate(task, parts);
    }

    /**
     * Sampling {@code count} images into one picture grid, as the command line does: the decoder, the images, the
     * grid and its PNG encoding.
     */
    public static MemoryEstimate sampling(VaeConfig c, int count) {
        MemoryEstimate decode = inference(c, "Sampling " + group(count) + " images", false, true, count, 0, "--count",
                false);
        List<Part> parts = new ArrayList<>(decode.parts);
        long tile = GridBounds.tilePixels(c.height(), c.width());
        // each image split off as its own array, the grid (a byte per pixel gray, an int per pixel RGB), and the
        // PNG bytes (at most as large again)
        long perImage = Math.addExact(Math.multiplyExact(FLOAT, (long) c.imageValues()), 2 * tile * (c.channels() == 1 ? 1 : 4));
        parts.add(new Part("the picture grid of " + group(count) + " images", Math.multiplyExact(perImage, count), 0, count,
                "--count", "smaller images"));
        return new MemoryEstimate(decode.task, parts);
    }

    private static long length(VaeWeights.Param p) {
        long n = 1;
        for (long d : p.shape()) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    private static long largestParameter(VaeConfig c) {
        long max = 0;
        for (VaeWeights.Param p : VaeWeights.params(c)) {
            max = Math.max(max, length(p));
        }
        return max;
    }

    /**
     * Reading a folder of pictures into memory ({@code org.vaenodes.engine.data.ImageFolder}): the images as
     * floats, and the largest picture while it is decoded (as 4-byte pixels), converted and resized (floats).
     *
     * @param valuesPerImage channels × height × width of the images kept
     * @param largestPicturePixels the most pixels one of the pictures has
     */
    public static MemoryEstimate imageFolder(long images, long valuesPerImage, long largestPicturePixels) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("the " + group(images) + " images", Math.multiplyExact(Math.multiplyExact(FLOAT, valuesPerImage),
                images), 0, images, "number of images", "smaller images"));
        parts.add(Part.fixed("the largest picture while it is decoded", Math.multiplyExact(FLOAT,
                Math.addExact(Math.multiplyExact(4, largestPicturePixels), 2 * valuesPerImage)), 0, "smaller pictures"));
        return new MemoryEstimate("Reading images", parts);
    }

    /** This estimate with one more part, e.g. a caller's own buffers. */
    public MemoryEstimate plus(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new MemoryEstimate(task, more);
    }

    /** A part that does not grow with a setting; {@code remedy} completes "use …". */
    public static Part part(String name, long heapBytes, long nativeBytes, String remedy) {
        return Part.fixed(name, heapBytes, nativeBytes, remedy);
    }

    // ---- checking -------------------------------------------------------------------------------------------

    /**
     * @throws NotEnoughMemoryException when the heap or the native estimate exceeds the budget, naming the
     *         estimate, the limit, the largest part and what to change
     */
    public void check(MemoryBudget budget) {
        if (heapBytes() > budget.heapBytes()) {
            throw refusal("Java heap", heapBytes(), budget.heapBytes(), budget.heapSource(), budget.raiseHeap(), true);
        }
        if (nativeBytes() > budget.nativeBytes()) {
            throw refusal("native memory", nativeBytes(), budget.nativeBytes(), budget.nativeSource(),
                    budget.raiseNative(), false);
        }
    }

    private NotEnoughMemoryException refusal(String kind, long need, long limit, String source, String raise,
            boolean heap) {
        Part largest = null;
        for (Part p : parts) {
            if (largest == null || bytes(p, heap) > bytes(largest, heap)) {
                largest = p;
            }
        }
        String change = "use " + largest.remedy();
        if (largest.items() > 0) {
            // every part that grows with the same setting shrinks with it
            long scaled = 0;
            for (Part p : parts) {
                if (p.items() == largest.items() && largest.setting().equals(p.setting())) {
                    scaled += bytes(p, heap);
                }
            }
            long others = need - scaled;
            double perItem = scaled / (double) largest.items();
            long fit = perItem <= 0 ? largest.items() : (long) Math.floor((limit - others) / perItem);
            if (fit >= 1) {
                change = "use a " + largest.setting() + " of at most " + group(fit);
            } else {
                Part next = largestOther(largest, heap);
                change = "a smaller " + largest.setting() + " alone is not enough (the rest needs "
                        + format(others) + (next == null ? "" : ", most of it " + next.name()) + "): use "
                        + (next == null ? largest.remedy()
                                : next.items() > 0 ? "a smaller " + next.setting() + " or " + next.remedy() : next.remedy());
            }
        }
        return new NotEnoughMemoryException(String.format(Locale.ROOT,
                "%s needs about %s of %s, more than the %s available (%s); the largest part is %s (%s): %s, "
                        + "or raise the limit (%s)",
                task, format(need), kind, format(limit), source, largest.name(), format(bytes(largest, heap)), change,
                raise));
    }

    private Part largestOther(Part not, boolean heap) {
        Part best = null;
        for (Part p : parts) {
            if (p != not && (best == null || bytes(p, heap) > bytes(best, heap))) {
                best = p;
            }
        }
        return best;
    }

    private static long bytes(Part p, boolean heap) {
        return heap ? p.heapBytes() : p.nativeBytes();
    }

    /** "1.5 GiB", "320 MiB", "12 KiB". */
    public static String format(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MiB", Math.round(bytes / (double) (1L << 20)));
        }
        return String.format(Locale.ROOT, "%d KiB", Math.max(1, Math.round(bytes / 1024.0)));
    }

    private static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The estimate in one line, e.g. for a log: task, heap and native totals and each part. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(task).append(": heap ").append(format(heapBytes())).append(", native ")
                .append(format(nativeBytes()));
        for (Part p : parts) {
            b.append("; ").append(p.name()).append(": heap ").append(format(p.heapBytes())).append(", native ")
                    .append(format(p.nativeBytes()));
        }
        return b.toString();
    }
}
