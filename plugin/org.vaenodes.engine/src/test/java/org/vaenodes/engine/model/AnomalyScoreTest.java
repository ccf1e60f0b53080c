package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.data.BuiltinMnist;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.train.VaeTrainer;

/**
 * On a small model trained briefly on built-in MNIST digits, inverted digits (1 − x, generated outliers) get
 * higher anomaly scores than held-out normal digits: nearly every (outlier, normal) pair is ranked right.
 */
class AnomalyScoreTest {

    @Test
    void invertedDigitsScoreAboveNormalOnes() throws Exception {
        ImageDataset mnist = BuiltinMnist.load().images();
        ImageDataset train = new ImageDataset() {
            @Override public int size() { return 2000; }
            @Override public int height() { return mnist.height(); }
            @Override public int width() { return mnist.width(); }
            @Override public void copyImage(int index, float[] dst, int offset) { mnist.copyImage(index, dst, offset); }
        };
        VaeConfig c = VaeConfig.builder().filters(8).latentSize(4).decoderHidden(16).batchSize(32).iterations(60)
                .learningRate(0.003).reconstructionLoss(ReconstructionLoss.BERNOULLI).keepProbability(1).seed(5).build();
        int n = 200;
        int values = c.imageValues();
        float[] normal = new float[n * values];
        for (int i = 0; i < n; i++) {
            mnist.copyImage(5000 + i, normal, i * values); // not trained on
        }
        float[] inverted = new float[normal.length];
        for (int i = 0; i < normal.length; i++) {
            inverted[i] = 1f - normal[i];
        }
        try (VaeModel model = new VaeTrainer(c).train(train, p -> { }, () -> false).model()) {
            VaeModel.ImageScores ok = model.scores(normal, n);
            VaeModel.ImageScores odd = model.scores(inverted, n);
            assertThat(pairsRankedRight(odd.negativeElbo(), ok.negativeElbo())).as("negative ELBO").isGreaterThan(0.98);
            assertThat(pairsRankedRight(odd.reconstructionError(), ok.reconstructionError())).as("reconstruction error")
                    .isGreaterThan(0.98);
            try (VaeModel untrained = new VaeModel(c, VaeWeights.initial(c, org.nd4j.linalg.api.buffer.DataType.FLOAT), 0,
                    Double.NaN)) {
                assertThat(pairsRankedRight(untrained.scores(inverted, n).negativeElbo(),
                        untrained.scores(normal, n).negativeElbo())).as("untrained: what training adds").isLessThan(0.9);
            }
            for (int i = 0; i < n; i++) {
                assertThat(ok.negativeElbo()[i]).isEqualTo(ok.reconstructionError()[i] + ok.kl()[i]);
                assertThat(ok.kl()[i]).isGreaterThanOrEqualTo(0);
            }
        }
    }

    /** The share of (outlier, normal) pairs in which the outlier scores higher (the ROC curve's area). */
    private static double pairsRankedRight(double[] outliers, double[] normals) {
        long right = 0;
        for (double o : outliers) {
            for (double v : normals) {
                right += o > v ? 1 : 0;
            }
        }
        return (double) right / ((long) outliers.length * normals.length);
    }
}
