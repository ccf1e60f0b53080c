package org.vaenodes.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.net.Steps;

class OpProfileTest {

    private static final VaeArchitecture SEED = new VaeArchitecture(VaeConfig.defaults());

    @Test
    void aLayersFirstRunPassIsItsForwardTheSecondItsBackwardAndFlopCountsFollow() {
        String conv = SEED.decoder().get(1).kernel();
        long ns = 1_000_000L;
        List<Steps.Timing> timings = List.of(
                new Steps.Timing(conv, 7, 0, "conv2d", 20 * 10 * ns, 19 * ns, 10),
                new Steps.Timing(conv, 7, 1, "relu", 10 * ns, ns, 10),
                new Steps.Timing("output", 8, 0, "matmul", 50 * ns, 5 * ns, 10),
                new Steps.Timing("output", 9, 0, "matmul", 80 * ns, 8 * ns, 10),
                new Steps.Timing(conv, 12, 0, "conv2d_bp", 40 * 10 * ns, 40 * ns, 10));
        OpProfile p = OpProfile.of(timings, SEED, 64, 100);

        assertThat(p.passes()).extracting(OpProfile.Pass::pass).containsExactly("forward", "forward", "backward",
                "backward");
        OpProfile.Pass forward = p.passes().get(0);
        assertThat(forward.layer()).isEqualTo(conv);
        assertThat(forward.ms()).isCloseTo(21.0, within(1e-9));
        // the seed's second decoder layer: 64→64 filters over 14×14 positions, 4×4 kernels, a batch of 64
        double macs = 14.0 * 14 * 64 * 64 * 16 * 64;
        assertThat(forward.gflops()).isCloseTo(2 * macs / 21e6, within(1e-6));
        OpProfile.Pass backward = p.passes().get(3);
        assertThat(backward.ms()).isCloseTo(40.0, within(1e-9));
        assertThat(backward.gflops()).isCloseTo(4 * macs / 40e6, within(1e-6));
        assertThat(p.passes().get(1).layer()).isEqualTo("output");
        assertThat(p.passes().get(1).flop()).isEqualTo(2.0 * 12_544 * 784 * 64);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "training", "Adam");
        String table = bytes.toString(StandardCharsets.UTF_8);
        // slowest first; what the layers' steps leave of the 100 ms is the last row
        assertThat(table.lines().skip(3).findFirst().orElseThrow()).startsWith("| " + conv + " | backward | 40.00 | 40.0% |");
        assertThat(table).contains("conv2d 20.00, relu 1.00").endsWith("| (outside the layers: Adam) | | 26.00 | 26.0% | | |"
                + System.lineSeparator());
    }

    @Test
    void everyProfiledLayerOfTheSeedHasItsMultiplyAddsCounted() {
        var macs = OpProfile.macsPerImage(SEED);
        long convs = SEED.encoder().size() + SEED.decoder().size();
        assertThat(macs).hasSize((int) convs + 2).doesNotContainValue(0L);
        // the per-layer counts add up to the bench's whole-model count, less the small dense layers in Java
        long small = SEED.decoderDense().stream().mapToLong(d -> d.in() * d.out()).sum();
        assertThat(macs.values().stream().mapToLong(Long::longValue).sum() + small)
                .isEqualTo(OperationCount.forwardMacsPerImage(VaeConfig.defaults()));
    }
}
