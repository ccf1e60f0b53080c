package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.testing.TinyData;

/** VaeModel's allocation-free inference computes what the SameDiff graphs of VaeGraph compute. */
class VaeModelInferenceTest {

    @Test
    void encodeDecodeAndEvaluateMatchTheSameDiffGraphs() {
        NativeBackend.start();
        Nd4j.getRandom().setSeed(20261124L); // same inputs on every run: a failure can be reproduced
        for (VaeConfig c : new VaeConfig[] {VaeConfig.builder().filters(8).build(),
                VaeConfig.builder().imageSize(16, 24).filters(5).latentSize(3).decoderStrides(2, 2, 1)
                        .reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(2).build()}) {
            Map<String, INDArray> w = VaeWeights.initial(c, DataType.FLOAT);
            for (INDArray a : w.values()) {
                if (a.rank() == 1) {
                    a.assign(Nd4j.rand(DataType.FLOAT, a.shape()).subi(0.5).muli(0.2));
                }
            }
            int n = VaeModel.INFERENCE_BATCH + 44; // one full batch and a padded one
            IdxImages data = TinyData.squares(n, c.height(), c.width(), 11);
            float[] x = new float[n * c.pixels()];
            for (int i = 0; i < n; i++) {
                data.copyImage(i, x, i * c.pixels());
            }
            try (VaeModel model = new VaeModel(c, w, 0, Double.NaN)) {
                VaeModel.Encoding enc = model.encode(x, n);
                Map<String, INDArray> ref = VaeGraph.encoder(c, w, DataType.FLOAT)
                        .output(Map.of(VaeGraph.INPUT, Nd4j.create(x, new long[] {n, c.pixels()}, 'c')), VaeGraph.MEAN, VaeGraph.LOG_STD);
                assertClose(enc.mean(), ref.get(VaeGraph.MEAN), 1e-4);
                assertClose(enc.logStd(), ref.get(VaeGraph.LOG_STD), 1e-4);

                float[] decoded = model.decode(enc.mean(), n);
                INDArray refDecoded = VaeGraph.decoder(c, w, DataType.FLOAT).outputSingle(
                        Map.of(VaeGraph.LATENT, ref.get(VaeGraph.MEAN)), VaeGraph.DECODED);
                assertClose(decoded, refDecoded, 1e-4);

                VaeModel.Evaluation e = model.evaluate(data, 5);
                assertThat(e.images()).isEqualTo(n);
                assertThat(e.loss()).isCloseTo(e.reconstruction() + c.klWeight() * e.kl(), org.assertj.core.data.Offset.offset(1e-6 * e.loss()));
                // with ε = 0 the SameDiff evaluation graph gives the loss at the mean; ours samples ε, so compare KL only
                Map<String, INDArray> refLoss = VaeGraph.evaluation(c, w, DataType.FLOAT).output(Map.of(
                        VaeGraph.INPUT, Nd4j.create(x, new long[] {n, c.pixels()}, 'c'),
                        VaeGraph.EPSILON, Nd4j.zeros(DataType.FLOAT, n, c.latentSize())), VaeGraph.KL);
                assertThat(e.kl()).isCloseTo(refLoss.get(VaeGraph.KL).getDouble(0), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    /** Large code grids decode with the deconv op instead of the first-layer matrix: the same results. */
    @Test
    void firstDecoderLayerAsDeconvOpEqualsTheMatrixPath() {
        NativeBackend.start();
        Nd4j.getRandom().setSeed(7);
        for (VaeConfig c : new VaeConfig[] {VaeConfig.builder().filters(8).build(),
                VaeConfig.builder().imageSize(16, 24).filters(5).latentSize(3).decoderStrides(1, 2, 1).build()}) {
            Map<String, INDArray> w = VaeWeights.initial(c, DataType.FLOAT);
            for (INDArray a : w.values()) {
                if (a.rank() == 1) {
                    a.assign(Nd4j.rand(DataType.FLOAT, a.shape()).subi(0.5).muli(0.2));
                }
            }
            int n = 37;
            float[] z = Nd4j.randn(DataType.FLOAT, n, c.latentSize()).data().asFloat();
            float[] viaMatrix = new float[n * c.pixels()];
            float[] viaOp = new float[n * c.pixels()];
            try (EagerInference matrix = new EagerInference(c, w, 64);
                    EagerInference op = new EagerInference(c, w, 64, 0)) {
                matrix.decodeLogits(z, 0, n, viaMatrix);
                op.decodeLogits(z, 0, n, viaOp);
            }
            assertClose(viaMatrix, Nd4j.create(viaOp, new long[] {n, c.pixels()}, 'c'), 1e-5);
        }
    }

    private static void assertClose(float[] actual, INDArray expected, double tolerance) {
        float[] e = expected.castTo(DataType.FLOAT).dup('c').data().asFloat();
        assertThat(actual).hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat((double) actual[i]).as("value %d", i).isCloseTo(e[i], org.assertj.core.data.Offset.offset(tolerance * Math.max(1, Math.abs(e[i]))));
        }
    }
}
