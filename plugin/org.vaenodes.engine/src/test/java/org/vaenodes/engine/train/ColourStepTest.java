package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeGraph;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * For RGB (3 channels) the hand-written training step computes SameDiff's loss and gradients of the reference
 * graph (which ColourGraphTest checks against finite differences), for both losses, both first-decoder-layer
 * paths and a non-square image.
 */
class ColourStepTest {

    @Test
    void rgbLossAndGradientsEqualSameDiffs() {
        NativeBackend.start();
        VaeConfig[] configs = {
            VaeConfig.builder().channels(3).keepProbability(1).imageSize(8, 8).filters(4).latentSize(2).build(),
            VaeConfig.builder().channels(3).keepProbability(1).imageSize(12, 16).kernelSize(3).filters(5).latentSize(3)
                    .reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(0.5).build(),
            VaeConfig.builder().channels(3).keepProbability(1).imageSize(16, 16).filters(5).decoderStrides(1, 2, 1).build(),
        };
        long[] matrixLimit = {4 << 20, 4 << 20, 0};
        for (int ci = 0; ci < configs.length; ci++) {
            VaeConfig c = configs[ci];
            assertThat(c.imageValues()).isEqualTo(3 * c.height() * c.width());
            int batch = 5;
            StepInputs in = StepInputs.random(c, batch, 5);
            assertThat(in.weights().get("enc_conv0_W").shape()).as("first kernel [k, k, in, out]")
                    .containsExactly(c.kernelSize(), c.kernelSize(), 3, c.encoderFilters()[0]);
            assertThat(in.weights().get("dec_out_b").shape()).containsExactly(c.imageValues());
            Map<String, INDArray> weights = in.weights();
            Map<String, INDArray> reference = in.reference();
            float[] x = in.x();
            float[] eps = in.eps();

            DirectVaeStep step = new DirectVaeStep(c, weights, batch, matrixLimit[ci]);
            assertThat(step.firstDecoderLayerAsMatmul()).isEqualTo(matrixLimit[ci] > 0);
            step.forwardBackward(x, eps);
            Map<String, INDArray> ours = step.gradientsInModelLayout();

            SameDiff sd = VaeGraph.training(c, reference, DataType.FLOAT, batch);
            Map<String, INDArray> feed = Map.of(
                    VaeGraph.INPUT, Nd4j.create(x, new long[] {batch, c.imageValues()}, 'c'),
                    VaeGraph.EPSILON, Nd4j.create(eps, new long[] {batch, c.latentSize()}, 'c'));
            double loss = sd.output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
            Map<String, INDArray> expected = sd.calculateGradients(feed, reference.keySet());

            assertThat(step.loss()).as("loss for %s", c.summary()).isCloseTo(loss, Offset.offset(1e-4 * Math.abs(loss)));
            for (String name : reference.keySet()) {
                INDArray e = expected.get(name);
                INDArray o = ours.get(name);
                assertThat(o.shape()).as(name).containsExactly(e.shape());
                double scale = Math.max(e.norm2Number().doubleValue(), 1e-6);
                double error = o.sub(e).norm2Number().doubleValue() / scale;
                assertThat(error).as("relative gradient error of %s for %s", name, c.summary()).isLessThan(1e-4);
            }
        }
    }
}
