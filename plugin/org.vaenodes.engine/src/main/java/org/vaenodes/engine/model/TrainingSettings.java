package org.vaenodes.engine.model;

/**
 * The training part of a {@link VaeConfig}: dropout keep probability, Adam's learning rate, batch size, iterations,
 * the reconstruction loss, the KL weight β and the seed. A model trained with one set can be trained further with
 * another on the same {@link ArchitectureSettings}. Checked as part of {@link VaeConfig.Builder#build()}.
 */
public record TrainingSettings(double keepProbability, double learningRate, int batchSize, int iterations,
    ReconstructionLoss reconstructionLoss, double klWeight, long seed) {
}
