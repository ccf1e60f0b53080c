package org.vaenodes.knime.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.bench.TrainingBenchmark;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.nodes.encoder.VaeEncoderNodeFactory;
import org.vaenodes.knime.nodes.learner.VaeLearnerNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeFactory;
import org.vaenodes.knime.nodes.sampler.VaeSamplerNodeFactory;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;
import org.vaenodes.testing.TinyData;

/**
 * Executes VAE Learner, then Reconstructor, Encoder and Sampler on the learned model, 20 times in one JVM as a
 * KNIME user re-running a workflow does, and checks that native memory stays flat once the first rounds have
 * filled the caches (JIT, thread stacks, allocator arenas).
 */
class RepeatedExecutionMemoryTest {

    private static final int ROUNDS = 20;

    private static final int IMAGES = 256;

    private static final int ITERATIONS = 15;

    /**
     * Buffers still registered with ND4J's deallocator may exceed the count after round 4 by this many: room for
     * a constant ND4J creates late. One array kept per round adds two (43 after round 20 against 11 after round
     * 4 when tried), so it fails.
     */
    private static final int BUFFER_SLACK = 10;

    /** JavaCPP-tracked bytes (0 here: ND4J allocates its buffers in libnd4j) may grow by at most this much. */
    private static final long TRACKED_SLACK = 1L << 20;

    /** Room on top of 5 % for allocator and JIT noise; the RSS assertion says how it was chosen. */
    private static final long RSS_SLACK = 20L << 20;

    @Test
    void nativeMemoryStaysFlatOverTwentyExecutions() throws Exception {
        // the upstream table, built once as KNIME keeps an executed reader's output
        BufferedDataTable images =
            KnimeFixtures.table(StubContexts.newExecutionContext(), TinyData.squares(IMAGES, 28, 28, 5), IMAGES);
        int[] buffers = new int[ROUNDS + 1];
        long[] tracked = new long[ROUNDS + 1];
        long[] rss = new long[ROUNDS + 1];
        System.out.println("round  ND4J buffers  JavaCPP tracked MiB  RSS MiB");
        for (int round = 1; round <= ROUNDS; round++) {
            runWorkflow(images);
            buffers[round] = settle();
            // on a loaded machine ND4J's deallocator threads can stall long enough to look settled with hundreds
            // of buffers still queued (564 once, 2 a moment later); what a leak keeps stays, so look again
            for (int retry = 0; retry < 5 && round > 4 && buffers[round] > buffers[4] + BUFFER_SLACK; retry++) {
                Thread.sleep(500);
                buffers[round] = settle();
            }
            tracked[round] = Pointer.totalBytes();
            rss[round] = TrainingBenchmark.currentRss();
            System.out.printf(Locale.ROOT, "%5d  %12d  %19.1f  %7.1f%n", round, buffers[round], mib(tracked[round]),
                mib(rss[round]));
        }

        for (int round = 5; round <= ROUNDS; round++) {
            assertThat(buffers[round]).as("ND4J buffers alive after round %d (round 4: %d)", round, buffers[4])
                .isLessThanOrEqualTo(buffers[4] + BUFFER_SLACK);
            assertThat(tracked[round]).as("JavaCPP tracked bytes after round %d (round 4: %d)", round, tracked[4])
                .isLessThanOrEqualTo(tracked[4] + TRACKED_SLACK);
        }
        assumeTrue(rss[ROUNDS] > 0, "No /proc/self/status (not Linux): the RSS check is skipped");
        // RSS also holds what glibc keeps in its arenas after frees and what the JIT compiles late, so single
        // rounds jump: after rounds 5–20 it stayed within -2.4..+7.2 MiB of round 5 when run alone, but rose by
        // up to 25 MiB in one round in the full suite. Medians of four rounds (17–20 against 5–8) are steadier:
        // they moved by -1.3 MiB alone and +2.6 and +14.2 MiB in two full-suite runs. 5 % (~13 MiB) + RSS_SLACK
        // is over twice the largest, while a 4 MiB array kept per round raised the late median by 49 MiB
        long early = median(rss, 5, 8);
        long late = median(rss, ROUNDS - 3, ROUNDS);
        System.out.printf(Locale.ROOT, "median RSS rounds 5–8: %.1f MiB, rounds %d–%d: %.1f MiB%n", mib(early),
            ROUNDS - 3, ROUNDS, mib(late));
        assertThat(late).as("median RSS of the last four rounds (rounds 5–8: %d MiB)", early >> 20)
            .isLessThanOrEqualTo((long)(1.05 * early) + RSS_SLACK);
    }

    /** The median of {@code values[from..to]} (inclusive). */
    private static long median(final long[] values, final int from, final int to) {
        long[] v = Arrays.copyOfRange(values, from, to + 1);
        Arrays.sort(v);
        return (v[(v.length - 1) / 2] + v[v.length / 2]) / 2;
    }

    /** One execution of each node with a small, fast learner configuration; all outputs are dropped after. */
    private static void runWorkflow(final BufferedDataTable images) throws Exception {
        NodeModel learner = new VaeLearnerNodeFactory().createNodeModel();
        NodeSettings s = StubNodes.saveSettings(learner);
        s.addString("encoder_filters", "8,8,8");
        s.addString("decoder_filters", "8,8,8");
        s.addInt("batch_size", 32);
        s.addInt("iterations", ITERATIONS);
        StubNodes.loadSettings(learner, s);
        PortObject[] learned = StubNodes.run(learner, StubContexts.newExecutionContext(), images);
        VaeModelPortObject model = (VaeModelPortObject)learned[0];
        assertThat(model.getIterationsTrained()).isEqualTo(ITERATIONS);

        PortObject[] reconstructed = StubNodes.run(new VaeReconstructorNodeFactory().createNodeModel(),
            StubContexts.newExecutionContext(), model, images);
        assertThat(((BufferedDataTable)reconstructed[0]).size()).isEqualTo(IMAGES);
        PortObject[] encoded = StubNodes.run(new VaeEncoderNodeFactory().createNodeModel(),
            StubContexts.newExecutionContext(), model, images);
        assertThat(((BufferedDataTable)encoded[0]).size()).isEqualTo(IMAGES);
        PortObject[] sampled =
            StubNodes.run(new VaeSamplerNodeFactory().createNodeModel(), StubContexts.newExecutionContext(), model);
        assertThat(((BufferedDataTable)sampled[0]).size()).isPositive();
    }

    /**
     * Collects garbage and waits until ND4J has freed the native buffers of the collected arrays; returns the
     * number of buffers still registered. ND4J frees them on its own deallocator threads, so right after
     * {@code System.gc()} hundreds of buffers (tens of MiB) can still be queued: waiting makes the RSS reading
     * reflect what is kept, not how far those threads have got.
     */
    private static int settle() throws InterruptedException {
        int last = -1;
        int unchanged = 0;
        for (int poll = 0; poll < 200 && unchanged < 3; poll++) {
            System.gc();
            Pointer.deallocateReferences();
            Thread.sleep(20);
            int now = nd4jBuffers();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    /** Buffers registered with ND4J's deallocator and not freed yet (it has no public count). */
    private static int nd4jBuffers() {
        try {
            Field f = DeallocatorService.class.getDeclaredField("referenceMap");
            f.setAccessible(true);
            return ((Map<?, ?>)f.get(Nd4j.getDeallocatorService())).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("ND4J's DeallocatorService has no field referenceMap any more (ND4J "
                + "upgraded?); count live arrays another way in this test", e);
        }
    }

    private static double mib(final long bytes) {
        return bytes / (double)(1 << 20);
    }
}
