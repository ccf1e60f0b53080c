package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.testing.TinyData;

/** The divergence message names the setting that can fix it. */
class TrainingDivergedMessageTest {

    @Test
    void aHugeKlWeightDivergesBeforeTheFirstStepAndTheMessageNamesBetaNotTheLearningRate() {
        VaeConfig c = TinyData.tinyConfig().klWeight(1e39).iterations(5).build();
        assertThatThrownBy(() -> new VaeTrainer(c).train(TinyData.squares(40, 8, 8, 1), TrainingListener.NONE, () -> false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("iteration 0")
                .hasMessageContaining("the learning rate is not the cause")
                .hasMessageContaining("KL weight β = 1.0E39 is too large")
                .hasMessageNotContaining("Try a lower learning rate");
    }

    @Test
    void laterDivergenceSuggestsTheLearningRateAndAlsoBetaWhenItIsAboveOne() {
        String standard = new TrainingDivergedException(12, Double.NaN, 0.01, 1.0).getMessage();
        assertThat(standard).isEqualTo("Training diverged at iteration 12: the loss became NaN. "
                + "Try a lower learning rate than 0.01 (for example 0.001).");

        String beta = new TrainingDivergedException(12, Double.POSITIVE_INFINITY, 0.01, 500).getMessage();
        assertThat(beta).contains("lower KL weight β than 500.0").contains("lower learning rate than 0.01");

        String atStart = new TrainingDivergedException(0, Double.NaN, 0.01, 0.5).getMessage();
        assertThat(atStart).contains("before any training step").contains("KL weight β")
                .doesNotContain("Try a lower learning rate");
    }
}
