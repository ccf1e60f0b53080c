package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;

import picocli.CommandLine;

/** train's options: the engine's defaults, and every architecture and training setting the Learner has. */
class ModelOptionsTest {

    private static VaeConfig config(final String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--images";
        args[1] = "in.idx";
        args[2] = "--out";
        args[3] = "m.zip";
        System.arraycopy(options, 0, args, 4, options.length);
        TrainCommand train = CommandLine.populateCommand(new TrainCommand(), args);
        return train.training.applyTo(train.architecture.applyTo(VaeConfig.builder(), 28, 28)).build();
    }

    @Test
    void withoutOptionsTrainUsesTheEngineDefaults() {
        assertThat(config()).isEqualTo(VaeConfig.defaults());
    }

    @Test
    void everyLearnerSettingHasAnOption() {
        VaeConfig c = config("--latent", "3", "--kernel", "3", "--encoder-filters", "8,16,16", "--encoder-strides",
            "2,2,1", "--decoder-hidden", "12", "--decoder-filters", "16,8,4", "--decoder-strides", "2,1,1",
            "--leaky-alpha", "0.2", "--iterations", "7", "--batch", "16", "--lr", "0.001", "--keep", "0.9",
            "--loss", "BERNOULLI", "--beta", "0.5", "--seed", "42");
        assertThat(c.latentSize()).isEqualTo(3);
        assertThat(c.kernelSize()).isEqualTo(3);
        assertThat(c.encoderFilters()).containsExactly(8, 16, 16);
        assertThat(c.decoderHidden()).isEqualTo(12);
        assertThat(c.decoderFilters()).containsExactly(16, 8, 4);
        assertThat(c.leakyReluAlpha()).isEqualTo(0.2);
        assertThat(c.iterations()).isEqualTo(7);
        assertThat(c.batchSize()).isEqualTo(16);
        assertThat(c.learningRate()).isEqualTo(0.001);
        assertThat(c.keepProbability()).isEqualTo(0.9);
        assertThat(c.reconstructionLoss()).isEqualTo(ReconstructionLoss.BERNOULLI);
        assertThat(c.klWeight()).isEqualTo(0.5);
        assertThat(c.seed()).isEqualTo(42);
    }

    @Test
    void filtersFillsEveryLayer() {
        VaeConfig c = config("--filters", "32", "--encoder-strides", "2,2,1,1");
        assertThat(c.encoderFilters()).containsExactly(32, 32, 32, 32);
        assertThat(c.decoderFilters()).containsExactly(32, 32, 32);
    }
}
