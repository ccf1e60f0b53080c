package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

class VaeGraphTest {

    @BeforeAll
    static void backend() {
        NativeBackend.start();
    }

    @Test
    void transposedConvPaddingMatchesTensorFlowSame() {
        assertThat(TransposedConvPadding.leading(4, 2)).isEqualTo(1);
        assertThat(TransposedConvPadding.excess(4, 2)).isZero();
        assertThat(TransposedConvPadding.leading(4, 1)).isEqualTo(1);
        assertThat(TransposedConvPadding.excess(4, 1)).isEqualTo(1);
        assertThat(TransposedConvPadding.leading(3, 1)).isEqualTo(1);
        assertThat(TransposedConvPadding.excess(3, 1)).isZero();
    }

    /**
     * The decoder we build (explicit padding + crop, on oneDNN's fast path) must compute exactly what a decoder
     * of libnd4j SAME-mode transposed convolutions computes with the same weights.
     */
    @Test
    void paddedAndCroppedDecoderEqualsSameModeDecoder() {
        for (VaeConfig c : new VaeConfig[] {
                VaeConfig.builder().filters(6).build(),
                VaeConfig.builder().imageSize(16, 24).filters(5).latentSize(3).decoderStrides(2, 2, 1).build()}) {
            Map<String, INDArray> w = VaeWeights.initial(c, DataType.DOUBLE);
            GraphGradientCheck.randomizeBiases(w);
            INDArray z = Nd4j.rand(DataType.DOUBLE, 5, c.latentSize()).subi(0.5).muli(4);
            INDArray ours = VaeGraph.decoder(c, w, DataType.DOUBLE).outputSingle(Map.of(VaeGraph.LATENT, z), VaeGraph.DECODED);
            INDArray reference = sameModeDecoder(c, w).outputSingle(Map.of(VaeGraph.LATENT, z), VaeGraph.DECODED);
            assertThat(ours.shape()).containsExactly(5, c.pixels());
            assertThat(ours.equalsWithEps(reference, 1e-9)).as("decoder outputs for %s", c.summary()).isTrue();
        }
    }

    @Test
    void outputShapesFor28x28AndAnotherSize() {
        for (int[] hw : new int[][] {{28, 28}, {20, 12}}) {
            VaeConfig c = VaeConfig.builder().imageSize(hw[0], hw[1]).filters(8).build();
            Map<String, INDArray> w = VaeWeights.initial(c, DataType.FLOAT);
            INDArray x = Nd4j.rand(DataType.FLOAT, 3, c.pixels());
            Map<String, INDArray> enc = VaeGraph.encoder(c, w, DataType.FLOAT)
                    .output(Map.of(VaeGraph.INPUT, x), VaeGraph.MEAN, VaeGraph.LOG_STD);
            assertThat(enc.get(VaeGraph.MEAN).shape()).containsExactly(3, 8);
            assertThat(enc.get(VaeGraph.LOG_STD).shape()).containsExactly(3, 8);
            INDArray dec = VaeGraph.decoder(c, w, DataType.FLOAT)
                    .outputSingle(Map.of(VaeGraph.LATENT, enc.get(VaeGraph.MEAN)), VaeGraph.DECODED);
            assertThat(dec.shape()).containsExactly(3, hw[0] * hw[1]);
            assertThat(dec.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(dec.maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        }
    }

    /**
     * Central differences against SameDiff's gradients, in double precision, on a few entries of every
     * parameter: catches wrong weight layouts and wrong loss terms. (ND4J's GradCheckUtil throws a
     * NullPointerException on this graph in M2.1, so the check is done here.) Inputs are seeded, and the
     * tolerance has an absolute part: a difference quotient of a loss of ~10 carries ~1e-10 of rounding noise,
     * which alone made gradients of ~1e-5 fail a purely relative bound on some random inputs.
     */
    @Test
    void gradientCheckOnTinyConfig() {
        Nd4j.getRandom().setSeed(20261124L);
        for (ReconstructionLoss loss : ReconstructionLoss.values()) {
            VaeConfig c = VaeConfig.builder().imageSize(8, 8).filters(2).latentSize(2).decoderHidden(3)
                    .keepProbability(1.0).reconstructionLoss(loss).klWeight(0.7).build();
            GraphGradientCheck.check(c, 7, loss.toString());
        }
    }

    @Test
    void lossIsReconstructionPlusBetaTimesKl() {
        VaeConfig c = VaeConfig.builder().imageSize(8, 8).filters(2).latentSize(2).klWeight(3.0).build();
        SameDiff sd = VaeGraph.evaluation(c, VaeWeights.initial(c, DataType.DOUBLE), DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, c.pixels());
        INDArray eps = Nd4j.randn(DataType.DOUBLE, 4, 2);
        Map<String, INDArray> out = sd.output(Map.of(VaeGraph.INPUT, x, VaeGraph.EPSILON, eps),
                VaeGraph.LOSS, VaeGraph.RECONSTRUCTION, VaeGraph.KL, VaeGraph.DECODED, VaeGraph.MEAN, VaeGraph.LOG_STD);
        double recon = out.get(VaeGraph.DECODED).sub(x).norm2Number().doubleValue();
        recon = recon * recon / 4;
        INDArray m = out.get(VaeGraph.MEAN);
        INDArray s = out.get(VaeGraph.LOG_STD);
        double kl = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                double mu = m.getDouble(i, j);
                double ls = s.getDouble(i, j);
                kl += -0.5 * (1 + 2 * ls - mu * mu - Math.exp(2 * ls));
            }
        }
        kl /= 4;
        assertThat(out.get(VaeGraph.RECONSTRUCTION).getDouble(0)).isCloseTo(recon, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.get(VaeGraph.KL).getDouble(0)).isCloseTo(kl, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.get(VaeGraph.LOSS).getDouble(0)).isCloseTo(recon + 3 * kl, org.assertj.core.data.Offset.offset(1e-9));
    }


    /** A plain decoder written independently of VaeGraph, with SAME-mode deconv2d. */
    private static SameDiff sameModeDecoder(VaeConfig c, Map<String, INDArray> w) {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder(VaeGraph.LATENT, DataType.DOUBLE, -1, c.latentSize());
        double a = c.leakyReluAlpha();
        SDVariable d = sd.nn.leakyRelu(sd.mmul(z, sd.constant(w.get(VaeWeights.HIDDEN_KERNEL))).add(sd.constant(w.get(VaeWeights.HIDDEN_BIAS))), a);
        d = sd.nn.leakyRelu(sd.mmul(d, sd.constant(w.get(VaeWeights.GRID_KERNEL))).add(sd.constant(w.get(VaeWeights.GRID_BIAS))), a);
        d = sd.reshape(d, -1, 1, c.codeHeight(), c.codeWidth());
        int[] strides = c.decoderStrides();
        for (int i = 0; i < strides.length; i++) {
            DeConv2DConfig cfg = DeConv2DConfig.builder().kH(c.kernelSize()).kW(c.kernelSize())
                    .sH(strides[i]).sW(strides[i]).isSameMode(true).dataFormat(DeConv2DConfig.NCHW).build();
            d = sd.nn.relu(sd.cnn.deconv2d(d, sd.constant(w.get(VaeWeights.decoderKernel(i))),
                    sd.constant(w.get(VaeWeights.decoderBias(i))), cfg), 0);
        }
        long flat = (long) c.decoderFilters()[strides.length - 1] * c.decodedHeight() * c.decodedWidth();
        d = sd.reshape(d, -1, flat);
        sd.nn.sigmoid(VaeGraph.DECODED, sd.mmul(d, sd.constant(w.get(VaeWeights.OUTPUT_KERNEL))).add(sd.constant(w.get(VaeWeights.OUTPUT_BIAS))));
        return sd;
    }
}
