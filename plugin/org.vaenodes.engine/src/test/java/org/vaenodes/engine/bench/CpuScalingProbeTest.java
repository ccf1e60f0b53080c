package org.vaenodes.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The probe's arithmetic and bounds; its speed on this machine is not asserted. */
class CpuScalingProbeTest {

    @Test
    void measuresPositiveRatesWithinWhatTheThreadsCanGive() {
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        CpuScalingProbe.Result r = CpuScalingProbe.measure(threads);
        assertThat(r.threads()).isEqualTo(threads);
        assertThat(r.oneThread()).isGreaterThan(1e8); // even an interpreter-slow machine does 0.1 G/s
        // n threads on n cores cannot do much more than n times one thread's work
        assertThat(r.scaling()).isPositive().isLessThan(threads * 1.3);
        assertThat(r.toString()).contains("on 1 thread", "on " + threads + " (");
    }

    @Test
    void refusesNoThreads() {
        assertThatThrownBy(() -> CpuScalingProbe.measure(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
