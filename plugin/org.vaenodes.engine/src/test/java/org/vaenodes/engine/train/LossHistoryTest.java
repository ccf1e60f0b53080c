package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LossHistoryTest {

    private static void fill(LossHistory h, int iterations) {
        for (int i = 0; i < iterations; i++) {
            h.add(i, i, 2.0 * i, 3.0 * i, i / 10.0);
        }
    }

    @Test
    void keepsEveryIterationUpToItsCapacity() {
        LossHistory h = new LossHistory(100);
        fill(h, 100);
        TrainingResult.Rows r = h.rows();
        assertThat(r.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(r.iteration()[i]).isEqualTo(i);
            assertThat(r.loss()[i]).isEqualTo(i);
            assertThat(r.reconstruction()[i]).isEqualTo(2.0 * i);
            assertThat(r.kl()[i]).isEqualTo(3.0 * i);
            assertThat(r.elapsedSeconds()[i]).isEqualTo(i / 10.0);
        }
        assertThat(h.spacing()).isEqualTo(1);
    }

    @Test
    void beyondItsCapacityKeepsEvenlySpacedRowsAndTheLastIteration() {
        LossHistory h = new LossHistory(1000);
        fill(h, 10_000_001);
        TrainingResult.Rows r = h.rows();
        assertThat(r.size()).isLessThanOrEqualTo(1001).isGreaterThan(500);
        int spacing = h.spacing();
        assertThat(Integer.bitCount(spacing)).as("spacing %d is a power of two", spacing).isEqualTo(1);
        assertThat(r.iteration()[0]).isZero();
        for (int i = 1; i < r.size() - 1; i++) {
            assertThat(r.iteration()[i] - r.iteration()[i - 1]).as("gap before row %d", i).isEqualTo(spacing);
            assertThat(r.loss()[i]).isEqualTo(r.iteration()[i]); // each row holds its own iteration's values
        }
        assertThat(r.iteration()[r.size() - 1]).isEqualTo(10_000_000);
        assertThat(r.kl()[r.size() - 1]).isEqualTo(30_000_000.0);
    }

    @Test
    void theBoundIsSmallAndIterationsMustIncrease() {
        assertThat(LossHistory.bytes(Integer.MAX_VALUE)).isEqualTo(LossHistory.bytes(LossHistory.DEFAULT_CAPACITY))
                .isLessThan(8_000_000);
        LossHistory h = new LossHistory(4);
        h.add(0, 1, 1, 0, 0);
        assertThatThrownBy(() -> h.add(0, 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LossHistory(4).rows().size()).isZero();
    }
}
