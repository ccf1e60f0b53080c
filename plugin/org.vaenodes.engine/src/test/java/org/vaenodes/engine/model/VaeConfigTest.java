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

    @Test
    void parameterCountIsTheSumOfTheWeightShapes() {
        VaeConfig seed = VaeConfig.defaults();
        long sum = 0;
        for (VaeWeights.Param p : VaeWeights.params(seed)) {
            long n = 1;
            for (long d : p.shape()) {
                n *= d;
            }
            sum += n;
        }
        assertThat(seed.parameterCount()).isEqualTo(sum);
        // conv 1→64, 64→64, 64→64; mean/logstd 3136→8; dense 8→24, 24→49; deconv 1→64, 64→64, 64→64; out 12544→784
        long byHand = (16 * 64 + 64) + 2 * (16 * 64 * 64 + 64) + 2 * (3136 * 8 + 8) + (8 * 24 + 24) + (24 * 49 + 49)
                + (16 * 64 + 64) + 2 * (16 * 64 * 64 + 64) + (12544L * 784 + 784);
        assertThat(seed.parameterCount()).isEqualTo(byHand);
    }

    @Test
    void sizesThatOverflowAnIntAreRefusedNamingTheSetting() {
        // the output layer alone: 32×32×64 decoded values × 1024×1024 pixels = 68.7 billion weights
        assertThatThrownBy(() -> VaeConfig.builder().imageSize(1024, 1024).encoderStrides(4, 4, 4).build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("The model would have 68,721,058,664 parameters")
                .hasMessageContaining("(training needs over 1024.0 GiB for their weights, gradients and Adam moments), more than the 500,000,000 a model may have")
                .hasMessageContaining("the output layer alone has 68,719,476,736")
                .hasMessageContaining("(32×32×64)");
        // 40 stride-2 layers multiply to 2^40: saturated, not wrapped to a zero divisor
        int[] filters = new int[40];
        int[] strides = new int[40];
        java.util.Arrays.fill(filters, 1);
        java.util.Arrays.fill(strides, 2);
        assertThatThrownBy(() -> VaeConfig.builder().imageSize(64, 64).encoderFilters(filters).encoderStrides(strides).build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("not divisible by the product of the encoder strides");
        int[] up = new int[12];
        java.util.Arrays.fill(up, 15);
        int[] upFilters = new int[12];
        java.util.Arrays.fill(upFilters, 1);
        assertThatThrownBy(() -> VaeConfig.builder().kernelSize(15).decoderFilters(upFilters).decoderStrides(up).build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("decoder's last feature map");
    }

    @Test
    void aBatchWhoseArraysCannotBeIndexedIsRefusedWithTheLargestBatchThatFits() {
        VaeConfig.Builder b = VaeConfig.builder().imageSize(512, 512).encoderStrides(4, 4, 4).decoderStrides(1, 1, 1)
                .filters(4);
        assertThat(b.batchSize(1907).build().batchSize()).isEqualTo(1907);
        assertThatThrownBy(() -> b.batchSize(65536).build()).isInstanceOf(InvalidConfigException.class)
                .hasMessage("Batch size 65536 is too large for this model: the images of 512×512 for a batch would need "
                        + "17,179,869,184 values in one array, more than 500,000,000; use a batch size of at most 1907");
    }
}
