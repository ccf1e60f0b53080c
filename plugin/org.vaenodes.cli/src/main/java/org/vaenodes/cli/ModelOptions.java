package org.vaenodes.cli;

import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;

import picocli.CommandLine.Option;

/** Architecture and training options shared by the commands that train; defaults are the seed model's. */
final class ModelOptions {

    @Option(names = "--iterations", paramLabel = "N", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = 30_000;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch = 64;

    @Option(names = "--latent", paramLabel = "K", description = "Latent size (default: ${DEFAULT-VALUE}).")
    int latent = 8;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = 0.0005;

    @Option(names = "--filters", paramLabel = "F", description = "Filters of every (transposed) convolution (default: ${DEFAULT-VALUE}).")
    int filters = 64;

    @Option(names = "--kernel", paramLabel = "K", description = "Convolution kernel size (default: ${DEFAULT-VALUE}).")
    int kernel = 4;

    @Option(names = "--encoder-strides", paramLabel = "S,S,S", split = ",", description = "Encoder strides (default: 2,2,1).")
    int[] encoderStrides = {2, 2, 1};

    @Option(names = "--decoder-strides", paramLabel = "S,S,S", split = ",", description = "Decoder strides (default: 2,1,1).")
    int[] decoderStrides = {2, 1, 1};

    @Option(names = "--keep", paramLabel = "P", description = "Dropout keep probability in training (default: ${DEFAULT-VALUE}).")
    double keep = 0.8;

    @Option(names = "--beta", paramLabel = "B", description = "KL weight β: the weight of the KL term (default: ${DEFAULT-VALUE}).")
    double beta = 1.0;

    @Option(names = "--loss", paramLabel = "L", description = "Reconstruction loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReconstructionLoss loss = ReconstructionLoss.SUM_SQUARED;

    VaeConfig toConfig(int height, int width) {
        int[] encoderFilters = new int[encoderStrides.length];
        int[] decoderFilters = new int[decoderStrides.length];
        java.util.Arrays.fill(encoderFilters, filters);
        java.util.Arrays.fill(decoderFilters, filters);
        return VaeConfig.builder()
                .imageSize(height, width)
                .iterations(iterations).seed(seed).batchSize(batch).latentSize(latent).learningRate(learningRate)
                .kernelSize(kernel)
                .encoderFilters(encoderFilters).encoderStrides(encoderStrides)
                .decoderFilters(decoderFilters).decoderStrides(decoderStrides)
                .keepProbability(keep).klWeight(beta).reconstructionLoss(loss)
                .build();
    }
}
