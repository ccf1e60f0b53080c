package org.vaenodes.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HostCpuTest {

    @Test
    void aggregateLineSplitsIntoBusyIdleAndSteal() {
        HostCpu.Counters c = HostCpu.parseCounters("cpu  5594681 7 591731 1979749 10169 3 2638 131432 11 0");
        // guest (11) is inside user already and is not counted twice
        assertThat(c).isEqualTo(new HostCpu.Counters(5594681L + 7 + 591731 + 3 + 2638, 1979749L + 10169, 131432));
    }

    @Test
    void sharesAreOfAllTimeBetweenTwoReadings() {
        HostCpu.Counters a = new HostCpu.Counters(1000, 500, 100);
        HostCpu.Counters b = new HostCpu.Counters(1800, 650, 150);
        assertThat(a.stealShareUntil(b)).isCloseTo(50 / 1000.0, within(1e-12));
        assertThat(a.idleShareUntil(b)).isCloseTo(150 / 1000.0, within(1e-12));
        assertThat(a.stealShareUntil(a)).isNaN();
    }

    @Test
    void malformedLinesAreUnknown() {
        assertThat(HostCpu.parseCounters(null)).isNull();
        assertThat(HostCpu.parseCounters("cpu0 1 2 3 4 5 6 7 8")).isNull();
        assertThat(HostCpu.parseCounters("cpu 1 2 3")).isNull();
        assertThat(HostCpu.parseCounters("cpu 1 2 3 4 5 6 7 x")).isNull();
        assertThat(HostCpu.parseProcessTicks("12 (java) S 1")).isEqualTo(-1);
        assertThat(HostCpu.parseProcessTicks("no parenthesis")).isEqualTo(-1);
    }

    @Test
    void processTicksAreCountedFromTheLastParenthesis() {
        // a command name with spaces and a ')' of its own; utime 250, stime 31
        String line = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 31 0 0 20 0 40 0 123";
        assertThat(HostCpu.parseProcessTicks(line)).isEqualTo(281);
    }

    @Test
    void thisProcessUsesCpuWhereLinuxAccountsForIt() {
        long before = HostCpu.processTicks();
        if (before < 0) {
            assertThat(HostCpu.counters()).isNull(); // not Linux: neither file exists
            return;
        }
        double x = 0;
        long until = System.nanoTime() + 150_000_000L;
        while (System.nanoTime() < until) {
            x += Math.sqrt(x + 1);
        }
        assertThat(x).isPositive();
        assertThat(HostCpu.processTicks()).isGreaterThan(before);
        HostCpu.Counters c = HostCpu.counters();
        assertThat(c).isNotNull();
        assertThat(c.busy()).isPositive();
    }

    @Test
    void hostLoadComparesTheSlowestIterationsWithTheMiddleOnes() {
        double[] wall = new double[200];
        double[] cpu = new double[200];
        for (int i = 0; i < 200; i++) {
            wall[i] = 100 + i; // 100 … 299 ms
            cpu[i] = 180;
        }
        wall[17] = 900; // two slow iterations that did the same work
        wall[42] = 700;
        TrainingBenchmark.HostLoad h = TrainingBenchmark.HostLoad.of(new HostCpu.Counters(0, 0, 0),
                new HostCpu.Counters(900, 60, 40), wall, cpu);
        assertThat(h.tailIterations()).isEqualTo(2);
        assertThat(h.tailWallMs()).isEqualTo(800);
        assertThat(h.tailCpuMs()).isEqualTo(180);
        assertThat(h.middleCpuMs()).isEqualTo(180);
        assertThat(h.middleWallMs()).isBetween(180.0, 220.0);
        assertThat(h.stealShare()).isCloseTo(0.04, within(1e-12));
        assertThat(h.idleShare()).isCloseTo(0.06, within(1e-12));
        assertThat(h.toString()).contains("steal 4.0%, idle 6.0%",
                "slowest 1% (2 iterations): 800.0 ms wall, 180.0 ms process CPU");
    }

    @Test
    void oneIterationIsItsOwnTailAndMiddle() {
        TrainingBenchmark.HostLoad h = TrainingBenchmark.HostLoad.of(new HostCpu.Counters(0, 0, 0),
                new HostCpu.Counters(10, 0, 0), new double[] {5}, new double[] {Double.NaN});
        assertThat(h.tailIterations()).isEqualTo(1);
        assertThat(h.tailWallMs()).isEqualTo(5);
        assertThat(h.middleWallMs()).isEqualTo(5);
        assertThat(h.middleCpuMs()).isNaN();
    }
}
