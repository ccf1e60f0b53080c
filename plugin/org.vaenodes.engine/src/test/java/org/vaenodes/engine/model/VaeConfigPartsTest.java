package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A configuration is its architecture part and its training part; each can be taken apart and recombined. */
class VaeConfigPartsTest {

    private static VaeConfig custom() {
        return VaeConfig.builder().imageSize(16, 24).latentSize(3).kernelSize(3).encoderFilters(8, 16)
            .encoderStrides(2, 2).decoderHidden(10).decoderFilters(16, 8).decoderStrides(2, 2).leakyReluAlpha(0.1)
            .keepProbability(0.9).learningRate(0.001).batchSize(32).iterations(123)
            .reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(0.5).seed(7).build();
    }

    @Test
    void thePartsMakeTheSameConfiguration() {
        VaeConfig c = custom();
        assertThat(VaeConfig.of(c.architecture(), c.training())).isEqualTo(c);
        assertThat(VaeConfig.fromJson(c.toJson()).architecture()).isEqualTo(c.architecture());
        assertThat(c.training()).isEqualTo(new TrainingSettings(0.9, 0.001, 32, 123, ReconstructionLoss.BERNOULLI,
            0.5, 7));
        assertThat(c.architecture().encoderFilters()).containsExactly(8, 16);
    }

    @Test
    void otherTrainingSettingsKeepTheArchitecture() {
        VaeConfig c = custom();
        VaeConfig longer = c.withTraining(new TrainingSettings(0.8, 0.0005, 64, 5000,
            ReconstructionLoss.SUM_SQUARED, 1.0, 0));
        assertThat(longer.architecture()).isEqualTo(c.architecture());
        assertThat(longer.iterations()).isEqualTo(5000);
        assertThat(longer).isNotEqualTo(c);
        assertThat(c.architecture()).isNotEqualTo(VaeConfig.defaults().architecture());
    }

    @Test
    void eachPartIsCheckedNamingItsSetting() {
        ArchitectureSettings a = custom().architecture();
        assertThatThrownBy(() -> VaeConfig.of(a, new TrainingSettings(0.9, 0.001, 0, 10,
            ReconstructionLoss.SUM_SQUARED, 1, 0))).isInstanceOf(InvalidConfigException.class)
            .hasMessageContaining("Batch size must be between 1 and 65536, got 0");
        ArchitectureSettings odd = new ArchitectureSettings(15, 24, 3, 3, new int[]{8, 16}, new int[]{2, 2}, 10,
            new int[]{16, 8}, new int[]{2, 2}, 0.1);
        assertThatThrownBy(() -> VaeConfig.of(odd, custom().training())).isInstanceOf(InvalidConfigException.class)
            .hasMessageContaining("not divisible by the product of the encoder strides");
    }
}
