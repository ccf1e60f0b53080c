package org.vaenodes.cli;

import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;

import picocli.CommandLine.Option;

/**
 * The training options, the same ones the VAE Learner's Training and Advanced tabs have; defaults are the engine's
 * ({@link VaeConfig#defaults()}, the seed model).
 */
final class TrainingOptions {

    private static final VaeConfig D = VaeConfig.defaults();

    @Option(names = "--iterations", paramLabel = "N", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = D.iterations();

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch = D.batchSize();

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = D.learningRate();

    @Option(names = "--keep", paramLabel = "P",
            description = "Dropout keep probability in training (default: ${DEFAULT-VALUE}).")
    double keep = D.keepProbability();

    @Option(names = "--loss", paramLabel = "L",
            description = "Reconstruction loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReconstructionLoss loss = D.reconstructionLoss();

    @Option(names = "--beta", paramLabel = "B",
            description = "KL weight β: the weight of the KL term (default: ${DEFAULT-VALUE}).")
    double beta = D.klWeight();

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = D.seed();

    /**
     * Only the options the command line gave, onto {@code b} (a resumed model's settings): {@code given} says
     * whether an option, named by its longest name, was given.
     */
    VaeConfig.Builder applyGiven(final VaeConfig.Builder b, final java.util.function.Predicate<String> given) {
        if (given.test("--iterations")) {
            b.iterations(iterations);
        }
        if (given.test("--batch")) {
            b.batchSize(batch);
        }
        if (given.test("--lr")) {
            b.learningRate(learningRate);
        }
        if (given.test("--keep")) {
            b.keepProbability(keep);
        }
        if (given.test("--loss")) {
            b.reconstructionLoss(loss);
        }
        if (given.test("--beta")) {
            b.klWeight(beta);
        }
        if (given.test("--seed")) {
            b.seed(seed);
        }
        return b;
    }

    VaeConfig.Builder applyTo(final VaeConfig.Builder b) {
        return b.iterations(iterations).batchSize(batch).learningRate(learningRate).keepProbability(keep)
                .reconstructionLoss(loss).klWeight(beta).seed(seed);
    }
}
