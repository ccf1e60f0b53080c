package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.testing.SharedData;

/**
 * The seed model on the real MNIST test set matches the seed's and the PyTorch reference's losses. Like the
 * reference, the loss "at iteration i" is measured after step i with dropout off; here over all 10,000 images
 * with a fixed ε seed (the reference prints one batch's).
 */
class SeedParityTest {

    @Test
    void lossAfterFirstIterationAndAfter300() throws Exception {
        Path mnist = SharedData.mnistDir();
        IdxImages images = IdxReader.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"));

        TrainingResult one = new VaeTrainer(VaeConfig.builder().iterations(1).build())
                .train(images, TrainingListener.NONE, () -> false);
        try (VaeModel m = one.model()) {
            double loss0 = m.evaluate(images, 1234).loss();
            assertThat(loss0).as("loss at iteration 0 (seed 176.69, PyTorch 176.9)").isBetween(176.7 - 4, 176.7 + 4);
        }

        TrainingResult r = new VaeTrainer(VaeConfig.builder().iterations(300).build())
                .train(images, TrainingListener.NONE, () -> false);
        try (VaeModel m = r.model()) {
            double loss300 = m.evaluate(images, 1234).loss();
            assertThat(loss300).as("loss after 300 iterations (PyTorch ~47)").isLessThan(52);
        }
    }
}
