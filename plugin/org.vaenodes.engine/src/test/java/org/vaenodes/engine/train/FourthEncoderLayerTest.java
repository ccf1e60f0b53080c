package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeGraph;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.testing.TinyData;

/**
 * A layer added to the architecture reaches every path: a fourth encoder convolution (one more entry in the
 * config's encoder lists, nothing else) is built by VaeArchitecture, gets its parameters, its hand-written
 * gradients equal SameDiff's on the reference graph, it trains, and its model file loads and infers as the
 * reference graph does.
 */
class FourthEncoderLayerTest {

    private static final VaeConfig.Builder FOUR_ENCODER_LAYERS = TinyData.tinyConfig()
            .encoderFilters(4, 4, 5, 6).encoderStrides(2, 2, 1, 1);

    @Test
    void fourthEncoderLayerHasItsParametersAndSameDiffsGradients() {
        NativeBackend.start();
        VaeConfig c = FOUR_ENCODER_LAYERS.keepProbability(1).build();
        VaeArchitecture arch = new VaeArchitecture(c);
        assertThat(arch.encoder()).hasSize(4);
        VaeArchitecture.Conv fourth = arch.encoder().get(3);
        assertThat(fourth.kernel()).isEqualTo("enc_conv3_W");
        assertThat(fourth.kernelShape()).containsExactly(4, 4, 5, 6);
        assertThat(arch.mean().in()).isEqualTo(6L * 2 * 2);

        int batch = 5;
        StepInputs in = StepInputs.random(c, batch, 11);
        assertThat(in.weights()).containsKeys("enc_conv3_W", "enc_conv3_b");
        Map<String, INDArray> weights = in.weights();
        Map<String, INDArray> reference = in.reference();
        float[] x = in.x();
        float[] eps = in.eps();

        DirectVaeStep step = new DirectVaeStep(c, weights, batch);
        step.forwardBackward(x, eps);
        Map<String, INDArray> ours = step.gradientsInModelLayout();

        SameDiff sd = VaeGraph.training(c, reference, DataType.FLOAT, batch);
        Map<String, INDArray> feed = Map.of(
                VaeGraph.INPUT, Nd4j.create(x, new long[] {batch, c.pixels()}, 'c'),
                VaeGraph.EPSILON, Nd4j.create(eps, new long[] {batch, c.latentSize()}, 'c'));
        double loss = sd.output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
        Map<String, INDArray> expected = sd.calculateGradients(feed, reference.keySet());
        assertThat(step.loss()).isCloseTo(loss, offset(1e-4 * Math.abs(loss)));
        for (String name : reference.keySet()) {
            INDArray e = expected.get(name);
            double error = ours.get(name).sub(e).norm2Number().doubleValue()
                    / Math.max(e.norm2Number().doubleValue(), 1e-6);
            assertThat(error).as("relative gradient error of %s", name).isLessThan(1e-4);
        }
    }

    @Test
    void fourthEncoderLayerTrainsWithDropoutAndItsModelFileInfersAsTheReferenceGraph() throws Exception {
        IdxImages squares = TinyData.squares(100, 8, 8, 3);
        VaeConfig c = FOUR_ENCODER_LAYERS.keepProbability(0.8).iterations(60).learningRate(0.005).build();
        TrainingResult result = new VaeTrainer(c).train(squares, TrainingListener.NONE, () -> false);
        double[] losses = result.loss();
        double first = java.util.Arrays.stream(losses, 0, 5).average().orElseThrow();
        double last = java.util.Arrays.stream(losses, losses.length - 5, losses.length).average().orElseThrow();
        assertThat(last).as("mean loss of the last 5 iterations against the first 5").isLessThan(first);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (VaeModel trained = result.model()) {
            VaeModelFile.write(trained, file);
        }
        try (VaeModel loaded = VaeModelFile.read(new ByteArrayInputStream(file.toByteArray()), "four-layers.zip")) {
            int n = 7;
            float[] images = new float[n * c.pixels()];
            for (int i = 0; i < n; i++) {
                squares.copyImage(i, images, i * c.pixels());
            }
            VaeModel.Encoding ours = loaded.encode(images, n);
            Map<String, INDArray> ref = VaeGraph.encoder(c, loaded.weights(), DataType.FLOAT).output(
                    Map.of(VaeGraph.INPUT, Nd4j.create(images, new long[] {n, c.pixels()}, 'c')), VaeGraph.MEAN);
            float[] expected = ref.get(VaeGraph.MEAN).dup('c').data().asFloat();
            for (int i = 0; i < expected.length; i++) {
                assertThat(ours.mean()[i]).as("latent mean %d", i).isCloseTo(expected[i], offset(1e-4f));
            }
        }
    }
}
