package org.vaenodes.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.vaenodes.engine.model.InvalidConfigException;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.TrainingResult;
import org.vaenodes.engine.train.VaeTrainer;
import org.vaenodes.testing.NativeHeap;
import org.vaenodes.testing.TinyData;

class MemoryEstimateTest {

    /**
     * The documented factor: a run's estimate is at least the peak native memory it holds (read every millisecond
     * while it runs) and at most this many times it. Measured alone and in the full suite: 1.16–1.39 for the
     * parameter-heavy configuration (the estimate counts two temporary copies of the largest weight array, which
     * ND4J does not always hold at once), 1.21 activation-heavy (it counts a third oneDNN copy that is not always held), 1.17–1.35 seed model; inference 1.04–1.43.
     * A reading taken after the run instead of its peak missed freed temporaries and varied up to 1.74.
     */
    private static final double FACTOR = 1.5;

    private static final long MIB = 1 << 20;

    /**
     * The heap estimate's documented factor over the live heap read once, at the last iteration: the activation
     * passes keep no Java copy of a layer, so the heap is mostly the parameters' part, and that counts the
     * largest parameter once as doubles (initial values) or twice as floats (layout conversions), transients that
     * one reading does not see. Measured 1.8–2.0 on all four configurations.
     */
    private static final double HEAP_FACTOR = 2.5;

    /** Heap noise between two readings after GC (class loading, JIT, the surefire reporter). */
    private static final long HEAP_SLACK = 8 * MIB;

    @Test
    void estimatesMatchWhatTrainingAndInferenceReallyAllocate() throws Exception {
        assumeTrue(NativeHeap.available(), "glibc's mallinfo2 is not available: native allocations cannot be counted");
        NativeBackend.start();
        // warm-up: thread pools, oneDNN's primitive caches and the JIT are in place before the first reading
        new VaeTrainer(TinyData.tinyConfig().build()).train(TinyData.squares(64, 8, 8, 3), TrainingListener.NONE,
            () -> false).model().close();
        // most native memory in the parameters (the 8,192×4,096 output layer), in the activations, the seed model
        measure("parameters", VaeConfig.builder().imageSize(64, 64).filters(8).encoderStrides(2, 1, 1)
            .decoderStrides(1, 1, 1).batchSize(8).iterations(2).build(), 32);
        measure("activations", VaeConfig.builder().filters(32).batchSize(512).iterations(2).build(), 512);
        measure("seed, Bernoulli, no dropout", VaeConfig.builder().keepProbability(1)
            .reconstructionLoss(ReconstructionLoss.BERNOULLI).iterations(2).build(), 128);
        // RGB: three input channels, and an output layer three times as wide (6.3 M of its 6.5 M parameters)
        measure("RGB parameters", VaeConfig.builder().channels(3).imageSize(32, 32).filters(8).encoderStrides(2, 1, 1)
            .decoderStrides(1, 1, 1).batchSize(16).iterations(2).build(), 64);
    }

    private static void measure(String name, VaeConfig c, int images) throws Exception {
        org.vaenodes.engine.data.ImageDataset data = c.channels() == 1 ? TinyData.squares(images, c.height(), c.width(), 1)
            : TinyData.colourSquares(images, c.height(), c.width(), 1).images();
        MemoryEstimate training = MemoryEstimate.training(c, images, 0, false);
        long native0 = settle();
        long heap0 = liveHeap();
        long trainedNative;
        long[] heapAtLastIteration = new long[1];
        TrainingResult r;
        try (NativeHeap.PeakWatch watch = new NativeHeap.PeakWatch()) {
            r = new VaeTrainer(c).train(data, p -> {
                if (p.iteration() == p.iterations() - 1) {
                    heapAtLastIteration[0] = liveHeap();
                }
            }, () -> false);
            watch.close();
            trainedNative = watch.peak() - native0;
        }
        // the trained model keeps Adam's moments on the heap (for continuing exactly); they are copied out of the
        // step after the last iteration, while everything live at the last iteration still is
        var moments = r.model().optimizerState();
        long trainedHeap = heapAtLastIteration[0] - heap0
            + (moments == null ? 0 : 4L * (moments.firstMoments().length + moments.secondMoments().length));
        System.out.printf(Locale.ROOT, "%s training: native %d MiB estimated, %d MiB allocated; heap %d MiB "
            + "estimated, %d MiB live%n", name, training.nativeBytes() / MIB, trainedNative / MIB,
            training.heapBytes() / MIB, trainedHeap / MIB);
        assertThat(training.nativeBytes()).as("%s: training's native estimate against what it allocated", name)
            .isBetween(trainedNative, (long)(FACTOR * trainedNative));
        assertThat(training.heapBytes()).as("%s: training's heap estimate against its live heap", name)
            .isGreaterThanOrEqualTo(trainedHeap - HEAP_SLACK);
        assertThat(training.heapBytes()).as("%s: heap estimate against its live heap", name)
            .isLessThanOrEqualTo((long)(HEAP_FACTOR * trainedHeap));

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        VaeModelFile.write(r.model(), file);
        r.model().close();
        long inference0 = settle();
        MemoryEstimate inference = MemoryEstimate.inference(c, name, true, true, 300, 0, null, false);
        try (VaeModel m = VaeModelFile.read(new ByteArrayInputStream(file.toByteArray()), name)) {
            long used;
            try (NativeHeap.PeakWatch watch = new NativeHeap.PeakWatch()) {
                // the watch reads every millisecond from a thread that competes with the native ones for the cores,
                // so a single pass can slip through between readings (166 against 206 MiB for the same model here):
                // three passes give it three chances at the same peak
                float[] pixels = new float[300 * c.imageValues()];
                for (int pass = 0; pass < 3; pass++) {
                    m.reconstruct(pixels, 300);
                }
                watch.close();
                used = watch.peak() - inference0;
            }
            System.out.printf(Locale.ROOT, "%s inference: native %d MiB estimated, %d MiB allocated%n", name,
                inference.nativeBytes() / MIB, used / MIB);
            assertThat(inference.nativeBytes()).as("%s: inference's native estimate against what it allocated", name)
                .isBetween(used, (long)(FACTOR * used));
        }
    }

    /** Collects garbage until ND4J has freed what it frees and the allocator's count stays put; returns it. */
    private static long settle() throws InterruptedException {
        long last = -1;
        int unchanged = 0;
        for (int poll = 0; poll < 100 && unchanged < 3; poll++) {
            System.gc();
            Pointer.deallocateReferences();
            Thread.sleep(20);
            long now = NativeHeap.inUse();
            unchanged = Math.abs(now - last) < MIB ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    private static long liveHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    // ---- refusals -------------------------------------------------------------------------------------------

    private static MemoryBudget budget(long heap, long nativeBytes) {
        return new MemoryBudget(heap, nativeBytes, "test heap", "test native", "raise heap", "raise native");
    }

    @Test
    void theDefaultArchitectureWith1024FiltersOn64x64IsRefusedBeforeAnythingIsAllocated() {
        // 4.3 billion parameters: the configuration itself says what training would need
        assertThatThrownBy(() -> VaeConfig.builder().imageSize(64, 64).filters(1024).build())
            .isInstanceOf(InvalidConfigException.class)
            .hasMessageStartingWith("The model would have 4,3")
            .hasMessageContaining("GiB for their weights, gradients and Adam moments")
            .hasMessageContaining("use fewer decoder filters in the last layer");
    }

    @Test
    void aValidRunTooLargeForThisJvmIsRefusedWithTheRealLimits() {
        // 64×64 with 1,024 filters at full resolution in two encoder layers: 4.2 M values per image and layer,
        // gigabytes for a batch of 64, so more than surefire's -Xmx4g heap and its 16 GiB JavaCPP limit allow
        VaeConfig c = VaeConfig.builder().imageSize(64, 64).filters(1024).encoderStrides(1, 1, 4)
            .decoderStrides(1, 1, 1).decoderFilters(64, 64, 64).build();
        MemoryEstimate e = MemoryEstimate.training(c, 1000, 1000L * 4096, false);
        MemoryBudget real = MemoryBudget.current();
        assertThat(e.heapBytes() > real.heapBytes() || e.nativeBytes() > real.nativeBytes()).as("%s against %s", e, real)
            .isTrue();
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        // a full batch of images (the batch is capped at the number of images); canceled at once should it start
        assertThatThrownBy(() -> new VaeTrainer(c).train(TinyData.squares(64, 64, 64, 1), TrainingListener.NONE,
            () -> true)).isInstanceOf(NotEnoughMemoryException.class)
            .hasMessageStartingWith("Training needs about ")
            .hasMessageContaining("activations and gradients of a batch of 64")
            .hasMessageContaining("or raise the limit (java -");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).as("heap taken by the refused run").isLessThan(64 * MIB);
    }

    @Test
    void theLargestPartSaysWhatToChangeAndHowFarTheBatchMustShrink() {
        VaeConfig c = VaeConfig.builder().batchSize(512).build();
        MemoryEstimate e = MemoryEstimate.training(c, 10_000, 0, false);
        long perImage = MemoryEstimate.training(c.toBuilder().batchSize(2).build(), 10_000, 0, false).nativeBytes()
            - MemoryEstimate.training(c.toBuilder().batchSize(1).build(), 10_000, 0, false).nativeBytes();
        long limit = e.nativeBytes() - 100 * perImage;
        String message = catchMessage(() -> e.check(budget(Long.MAX_VALUE, limit)));
        assertThat(message).startsWith("Training needs about ").contains("of native memory, more than the ")
            .contains("available (test native); the largest part is activations and gradients of a batch of 512")
            .endsWith("or raise the limit (raise native)");
        int fit = Integer.parseInt(message.replaceAll(".*use a batch size of at most ([0-9,]+).*", "$1").replace(",", ""));
        assertThat(fit).isEqualTo(412);
        assertThat(MemoryEstimate.training(c.toBuilder().batchSize(fit).build(), 10_000, 0, false).nativeBytes())
            .isLessThanOrEqualTo(limit);
        assertThat(MemoryEstimate.training(c.toBuilder().batchSize(fit + 1).build(), 10_000, 0, false).nativeBytes())
            .isGreaterThan(limit);

        // the heap: 60,000 images as floats dominate, and the message says how many fit
        MemoryEstimate floats = MemoryEstimate.training(c, 60_000, 60_000L * 784 * 4, false);
        long others = floats.heapBytes() - 60_000L * 784 * 4;
        String heap = catchMessage(() -> floats.check(budget(others + 100 * MIB, Long.MAX_VALUE)));
        assertThat(heap).contains("of Java heap").contains("the largest part is the 60,000 training images (179 MiB)")
            .contains("use a number of training images of at most 33,436,").endsWith("or raise the limit (raise heap)");
        // when even one image would not fit, the message turns to the rest, here mostly the parameters' copies
        assertThat(catchMessage(() -> floats.check(budget(others - MIB, Long.MAX_VALUE))))
            .contains("a smaller number of training images alone is not enough (the rest needs ")
            .contains("most of it the 10,151,489 parameters and their copies (gradients, Adam moments, model)): "
                + "use fewer filters, larger encoder strides, smaller decoder strides or smaller images");

        // a fixed part: the parameters cannot be shrunk by a setting count
        VaeConfig big = VaeConfig.builder().imageSize(64, 64).encoderStrides(2, 1, 1).decoderStrides(1, 1, 1).filters(8)
            .batchSize(1).build();
        MemoryEstimate params = MemoryEstimate.training(big, 10, 0, false);
        assertThat(catchMessage(() -> params.check(budget(Long.MAX_VALUE, params.nativeBytes() - 1))))
            .contains("the largest part is the 33,719,832 parameters and their copies (gradients, Adam moments, model)")
            .contains(": use fewer filters, larger encoder strides, smaller decoder strides or smaller images, or raise");
        params.check(budget(Long.MAX_VALUE, params.nativeBytes()));
    }

    @Test
    void samplingCountsTheGridAndNamesCount() {
        VaeConfig c = VaeConfig.defaults();
        MemoryEstimate small = MemoryEstimate.sampling(c, 64);
        MemoryEstimate large = MemoryEstimate.sampling(c, 10_000);
        // per image: the decoded floats twice, the split copy, the grid tile and its PNG share
        assertThat(large.heapBytes() - small.heapBytes()).isGreaterThan(9_936L * 784 * 4 * 3);
        String m = catchMessage(() -> large.check(budget(large.heapBytes() - 20 * MIB, Long.MAX_VALUE)));
        assertThat(m).startsWith("Sampling 10,000 images needs about").contains("use a --count of at most ");
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (NotEnoughMemoryException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
