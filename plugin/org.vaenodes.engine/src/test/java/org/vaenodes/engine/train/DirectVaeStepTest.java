package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeGraph;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * The hand-written training step computes the loss and gradients that SameDiff derives from the model's
 * reference graph (VaeGraph, itself checked against finite differences), for the seed model and for other
 * kernel sizes, strides and image sizes. Dropout is off here (keep 1), so both see the same function.
 */
class DirectVaeStepTest {

    @Test
    void lossAndGradientsEqualSameDiffs() {
        NativeBackend.start();
        VaeConfig[] configs = {
            VaeConfig.builder().keepProbability(1).build(),
            VaeConfig.builder().keepProbability(1).reconstructionLoss(ReconstructionLoss.BERNOULLI).klWeight(0.5).build(),
            VaeConfig.builder().keepProbability(1).imageSize(12, 20).kernelSize(3).filters(6).latentSize(3)
                    .decoderStrides(2, 1, 2).encoderStrides(2, 2, 1).imageSize(12, 20).build(),
            VaeConfig.builder().keepProbability(1).imageSize(16, 16).kernelSize(5).filters(4).latentSize(2).build(),
            // the first decoder layer as a matrix product with stride 1; then, with no room for the matrix, the
            // convolution ops that large code grids use (stride 2 and stride 1)
            VaeConfig.builder().keepProbability(1).imageSize(16, 16).filters(5).decoderStrides(1, 2, 1).build(),
            VaeConfig.builder().keepProbability(1).imageSize(16, 16).filters(5).build(),
            VaeConfig.builder().keepProbability(1).imageSize(16, 16).filters(5).decoderStrides(1, 2, 1).build(),
        };
        long[] matrixLimit = {4 << 20, 4 << 20, 4 << 20, 4 << 20, 4 << 20, 0, 0};
        for (int ci = 0; ci < configs.length; ci++) {
            VaeConfig c = configs[ci];
            int batch = 6;
            StepInputs in = StepInputs.random(c, batch, 3);
            Map<String, INDArray> weights = in.weights();
            Map<String, INDArray> reference = in.reference();
            float[] x = in.x();
            float[] eps = in.eps();

            DirectVaeStep step = new DirectVaeStep(c, weights, batch, matrixLimit[ci]);
            assertThat(step.firstDecoderLayerAsMatmul()).as("first decoder layer as a matrix product for %s", c.summary())
                    .isEqualTo(matrixLimit[ci] > 0);
            step.forwardBackward(x, eps);
            Map<String, INDArray> ours = step.gradientsInModelLayout();

            SameDiff sd = VaeGraph.training(c, reference, DataType.FLOAT, batch);
            Map<String, INDArray> feed = Map.of(
                    VaeGraph.INPUT, Nd4j.create(x, new long[] {batch, c.pixels()}, 'c'),
                    VaeGraph.EPSILON, Nd4j.create(eps, new long[] {batch, c.latentSize()}, 'c'));
            double loss = sd.output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
            Map<String, INDArray> expected = sd.calculateGradients(feed, reference.keySet());

            assertThat(step.loss()).as("loss for %s", c.summary()).isCloseTo(loss, org.assertj.core.data.Offset.offset(1e-4 * Math.abs(loss)));
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

    /**
     * Moments below 1e-30 are zeroed every 100 steps before Adam runs (they would decay into subnormal floats,
     * which slowed Adam ninefold); larger ones are left to Adam.
     */
    @Test
    void negligibleAdamMomentsAreZeroedEveryHundredSteps() {
        NativeBackend.start();
        VaeConfig c = VaeConfig.builder().imageSize(8, 8).filters(2).latentSize(2).keepProbability(1).build();
        DirectVaeStep step = new DirectVaeStep(c, VaeWeights.initial(c, DataType.FLOAT), 2);
        INDArray state = step.adamState();
        long last = state.length() - 1;
        // with zero gradients Adam only decays the moments (m by 0.9, v by 0.999); it leaves its update in the
        // gradient buffer, so that is zeroed before each step
        state.putScalar(0, 0, 1e-35f);
        state.putScalar(0, 1, 1e-3f);
        state.putScalar(0, last, 1e-35f);
        step.gradientBuffer().assign(0);
        step.applyAdam(99);
        assertThat(state.getFloat(0, 0)).as("between flushes Adam alone decays it").isCloseTo(9e-36f,
                org.assertj.core.data.Offset.offset(1e-37f));
        step.gradientBuffer().assign(0);
        step.applyAdam(100);
        assertThat(state.getFloat(0, 0)).isZero();
        assertThat(state.getFloat(0, last)).isZero();
        assertThat(state.getFloat(0, 1)).isCloseTo(8.1e-4f, org.assertj.core.data.Offset.offset(1e-6f));
    }
}
