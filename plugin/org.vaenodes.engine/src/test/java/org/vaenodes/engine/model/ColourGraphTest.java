package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * RGB models: the reference graph's gradients against finite differences (as VaeGraphTest does for gray), the
 * inference path (encode, decode, per-image scores) against the reference graphs, and channels in the config.
 */
class ColourGraphTest {

    @BeforeAll
    static void backend() {
        NativeBackend.start();
    }

    private static VaeConfig.Builder tinyRgb() {
        return VaeConfig.builder().channels(3).imageSize(8, 8).filters(2).latentSize(2).decoderHidden(3);
    }

    @Test
    void rgbGradientCheckAgainstFiniteDifferences() {
        Nd4j.getRandom().setSeed(20261201L);
        for (ReconstructionLoss loss : ReconstructionLoss.values()) {
            VaeConfig c = tinyRgb().keepProbability(1.0).reconstructionLoss(loss).klWeight(0.7).build();
            Map<String, INDArray> grads = GraphGradientCheck.check(c, 11, loss.toString());
            // the input planes all reach the first kernel: its gradient is non-zero for every input channel
            INDArray first = grads.get("enc_conv0_W");
            for (int channel = 0; channel < 3; channel++) {
                assertThat(first.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(channel), org.nd4j.linalg.indexing.NDArrayIndex.all())
                        .norm2Number().doubleValue()).as("gradient of input channel %d", channel).isGreaterThan(0);
            }
        }
    }

    @Test
    void rgbInferenceAndScoresMatchTheReferenceGraphs() {
        Nd4j.getRandom().setSeed(20261202L);
        for (VaeConfig c : new VaeConfig[] {tinyRgb().build(),
                tinyRgb().imageSize(12, 16).filters(4).reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(3).build()}) {
            Map<String, INDArray> w = VaeWeights.initial(c, DataType.FLOAT);
            GraphGradientCheck.randomizeBiases(w);
            int n = VaeModel.INFERENCE_BATCH + 9;
            float[] x = Nd4j.rand(DataType.FLOAT, n, c.imageValues()).data().asFloat();
            INDArray xs = Nd4j.create(x, new long[] {n, c.imageValues()}, 'c');
            try (VaeModel model = new VaeModel(c, w, 0, Double.NaN)) {
                VaeModel.Encoding enc = model.encode(x, n);
                Map<String, INDArray> ref = VaeGraph.encoder(c, w, DataType.FLOAT)
                        .output(Map.of(VaeGraph.INPUT, xs), VaeGraph.MEAN, VaeGraph.LOG_STD);
                assertClose(enc.mean(), ref.get(VaeGraph.MEAN), 1e-4);
                assertClose(enc.logStd(), ref.get(VaeGraph.LOG_STD), 1e-4);
                float[] decoded = model.decode(enc.mean(), n);
                assertThat(decoded).hasSize(n * c.imageValues());
                assertClose(decoded, VaeGraph.decoder(c, w, DataType.FLOAT).outputSingle(
                        Map.of(VaeGraph.LATENT, ref.get(VaeGraph.MEAN)), VaeGraph.DECODED), 1e-4);

                // the scores are the evaluation graph's per-image terms at ε = 0 (z = the mean)
                VaeModel.ImageScores scores = model.scores(x, n);
                Map<String, INDArray> terms = VaeGraph.evaluation(c, w, DataType.FLOAT).output(Map.of(VaeGraph.INPUT, xs,
                        VaeGraph.EPSILON, Nd4j.zeros(DataType.FLOAT, n, c.latentSize())),
                        VaeGraph.RECONSTRUCTION_PER_IMAGE, VaeGraph.KL_PER_IMAGE);
                for (int i = 0; i < n; i++) {
                    double r = terms.get(VaeGraph.RECONSTRUCTION_PER_IMAGE).getDouble(i);
                    double k = terms.get(VaeGraph.KL_PER_IMAGE).getDouble(i);
                    assertThat(scores.reconstructionError()[i]).as("image %d", i).isCloseTo(r, Offset.offset(1e-3 * Math.abs(r) + 1e-4));
                    assertThat(scores.kl()[i]).as("image %d", i).isCloseTo(k, Offset.offset(1e-3 * Math.abs(k) + 1e-4));
                    assertThat(scores.negativeElbo()[i]).isEqualTo(scores.reconstructionError()[i] + scores.kl()[i]);
                }
                VaeModel.ImageScores again = model.scores(x, n);
                assertThat(again.negativeElbo()).as("deterministic").containsExactly(scores.negativeElbo());
            }
        }
    }

    @Test
    void channelsAreInTheConfigAndItsJson() {
        VaeConfig rgb = tinyRgb().build();
        assertThat(rgb.channels()).isEqualTo(3);
        assertThat(rgb.architecture().channels()).isEqualTo(3);
        assertThat(VaeConfig.fromJson(rgb.toJson())).isEqualTo(rgb);
        assertThat(rgb.toJson()).contains("\"channels\" : 3");
        assertThat(VaeConfig.of(rgb.architecture(), rgb.training()).channels()).isEqualTo(3);
        assertThat(rgb.summary()).contains("input 8×8×3");
        assertThat(tinyRgb().channels(1).build()).isNotEqualTo(rgb);
        assertThat(VaeConfig.fromJson(rgb.toJson().replace("\"channels\" : 3,", "")).channels()).as("missing: gray").isEqualTo(1);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> tinyRgb().channels(2).build()))
                .isInstanceOf(InvalidConfigException.class).hasMessage("Channels must be 1 (grayscale) or 3 (RGB), got 2");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> VaeConfig.fromJson(rgb.toJson().replace("\"channels\" : 3", "\"channels\" : 4"))))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("got 4");
        // three times the output layer's values, and three input channels in the first kernel
        VaeConfig gray = tinyRgb().channels(1).build();
        long outputWeights = (long) gray.decoderMaps().get(2).values() + 1;
        long firstKernel = 4L * 4 * gray.encoderFilters()[0];
        assertThat(rgb.parameterCount() - gray.parameterCount()).isEqualTo(2 * gray.pixels() * outputWeights + 2 * firstKernel);
    }


    private static void assertClose(float[] actual, INDArray expected, double tolerance) {
        float[] e = expected.castTo(DataType.FLOAT).dup('c').data().asFloat();
        assertThat(actual).hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat((double) actual[i]).as("value %d", i).isCloseTo(e[i], Offset.offset(tolerance));
        }
    }
}
