package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VaeConfigTest {

    @Test
    void defaultsAreTheSeedModel() {
        VaeConfig c = VaeConfig.defaults();
        assertThat(c.height()).isEqualTo(28);
        assertThat(c.width()).isEqualTo(28);
        assertThat(c.latentSize()).isEqualTo(8);
        assertThat(c.kernelSize()).isEqualTo(4);
        assertThat(c.encoderFilters()).containsExactly(64, 64, 64);
        assertThat(c.encoderStrides()).containsExactly(2, 2, 1);
        assertThat(c.decoderHidden()).isEqualTo(24);
        assertThat(c.codeHeight() * c.codeWidth()).isEqualTo(49);
        assertThat(c.decoderStrides()).containsExactly(2, 1, 1);
        assertThat(c.decodedHeight()).isEqualTo(14);
        assertThat(c.leakyReluAlpha()).isEqualTo(0.3);
        assertThat(c.keepProbability()).isEqualTo(0.8);
        assertThat(c.learningRate()).isEqualTo(0.0005);
        assertThat(c.batchSize()).isEqualTo(64);
        assertThat(c.iterations()).isEqualTo(30_000);
        assertThat(c.reconstructionLoss()).isEqualTo(ReconstructionLoss.SUM_SQUARED);
        assertThat(c.klWeight()).isEqualTo(1.0);
    }

    @Test
    void jsonRoundTripKeepsEverySetting() {
        VaeConfig c = VaeConfig.builder().imageSize(32, 16).latentSize(3).kernelSize(3).encoderFilters(8, 16, 4)
                .encoderStrides(2, 2, 2).decoderHidden(10).decoderFilters(5, 6, 7).decoderStrides(2, 2, 1)
                .leakyReluAlpha(0.1).keepProbability(0.5).learningRate(0.01).batchSize(7).iterations(123)
                .reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(4.5).seed(-99).build();
        VaeConfig back = VaeConfig.fromJson(c.toJson());
        assertThat(back).isEqualTo(c);
        assertThat(back.toJson()).isEqualTo(c.toJson());
        assertThat(back.encoderStrides()).containsExactly(2, 2, 2);
        assertThat(back.seed()).isEqualTo(-99);
    }

    @Test
    void missingKeysTakeTheSeedValues() {
        assertThat(VaeConfig.fromJson("{\"latentSize\": 2}").encoderFilters()).containsExactly(64, 64, 64);
    }

    @Test
    void invalidCombinationsNameTheSetting() {
        assertThatThrownBy(() -> VaeConfig.builder().imageSize(30, 28).build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("30×28")
                .hasMessageContaining("encoder strides");
        assertThatThrownBy(() -> VaeConfig.builder().keepProbability(0).build())
                .hasMessageContaining("keep probability");
        assertThatThrownBy(() -> VaeConfig.builder().learningRate(-1).build()).hasMessageContaining("Learning rate");
        assertThatThrownBy(() -> VaeConfig.builder().encoderFilters(64, 64).build())
                .hasMessageContaining("Encoder filters (2 layers)");
        assertThatThrownBy(() -> VaeConfig.builder().latentSize(0).build()).hasMessageContaining("Latent size");
        assertThatThrownBy(() -> VaeConfig.builder().batchSize(0).build()).hasMessageContaining("Batch size");
        assertThatThrownBy(() -> VaeConfig.fromJson("{\"latentSize\": \"eight\"}"))
                .hasMessageContaining("'latentSize' must be a whole number");
        assertThatThrownBy(() -> VaeConfig.fromJson("{\"reconstructionLoss\": \"L1\"}"))
                .hasMessageContaining("Unknown reconstruction loss 'L1'");
        assertThatThrownBy(() -> VaeConfig.fromJson("not json")).hasMessageContaining("not valid JSON");
    }
}
