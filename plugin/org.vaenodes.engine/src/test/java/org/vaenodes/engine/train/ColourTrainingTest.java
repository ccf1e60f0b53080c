package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.testing.TinyData;

/**
 * A tiny RGB model trained for a few hundred steps on generated coloured squares reconstructs each square in its
 * own colour: the mean per-channel error over the square's pixels is well below the untrained model's.
 */
class ColourTrainingTest {

    @Test
    void trainedReconstructionsKeepEachSquaresColour() throws Exception {
        // Bernoulli loss and a small β: with squared error the sigmoids saturate at the black background within a
        // few hundred steps, and with β = 1 the latent code collapses to the mean image (gray alike)
        VaeConfig c = VaeConfig.builder().channels(3).imageSize(12, 12).filters(16).latentSize(4).decoderHidden(16)
                .reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(0.05).keepProbability(1).learningRate(0.005)
                .batchSize(32).iterations(300).seed(3).build();
        TinyData.ColourSquares train = TinyData.colourSquares(512, 12, 12, 1);
        TinyData.ColourSquares test = TinyData.colourSquares(64, 12, 12, 2);
        VaeModel trained = new VaeTrainer(c).train(train.images(), p -> { }, () -> false).model();
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> initial = VaeWeights.initial(c, DataType.FLOAT);
        try (trained; VaeModel untrained = new VaeModel(c, initial, 0, Double.NaN)) {
            double trainedError = colourError(trained, test);
            double untrainedError = colourError(untrained, test);
            assertThat(trainedError).as("trained %s vs untrained %s", trainedError, untrainedError)
                    .isLessThan(0.25 * untrainedError).isLessThan(0.08);
        }
    }

    /** Mean over images and channels of |mean reconstructed value over the square − the square's colour|. */
    private static double colourError(VaeModel model, TinyData.ColourSquares data) {
        int n = data.images().size();
        int h = data.images().height();
        int w = data.images().width();
        int plane = h * w;
        float[] rec = model.reconstruct(data.values(), n);
        double error = 0;
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < 3; ch++) {
                double sum = 0;
                for (int y = data.top()[i]; y < data.top()[i] + data.side(); y++) {
                    for (int x = data.left()[i]; x < data.left()[i] + data.side(); x++) {
                        sum += rec[(i * 3 + ch) * plane + y * w + x];
                    }
                }
                double mean = sum / (data.side() * data.side());
                error += Math.abs(mean - TinyData.COLOURS[data.colour()[i]][ch]);
            }
        }
        return error / (3.0 * n);
    }
}
