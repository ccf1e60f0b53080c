package org.vaenodes.engine.model;

import java.util.Map;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Builds the SameDiff graphs of the VAE from its layers ({@link VaeArchitecture}) and a set of weights. Three graphs share the
 * weight names of {@link VaeWeights}: the training graph (images and ε in, loss out, with dropout), the encoder
 * (images in, mean and log-std out) and the decoder (z in, images out). Layout is NCHW throughout.
 */
public final class VaeGraph {

    public static final String INPUT = "x";
    public static final String EPSILON = "eps";
    public static final String LATENT = "z";
    public static final String MEAN = "z_mean";
    public static final String LOG_STD = "z_logstd";
    public static final String DECODED = "decoded";
    public static final String LOSS = "loss";
    public static final String RECONSTRUCTION = "reconstruction_loss";
    public static final String KL = "kl_loss";
    /** Per-image loss terms, before the batch mean. */
    public static final String RECONSTRUCTION_PER_IMAGE = "reconstruction_per_image";
    public static final String KL_PER_IMAGE = "kl_per_image";

    private final VaeConfig config;
    private final VaeArchitecture arch;
    private final SameDiff sd;
    private final DataType dtype;
    /** Batch size of the training graph; its dropout masks have static shapes. 0 when there is no dropout. */
    private final int batch;

    private VaeGraph(VaeConfig config, Map<String, INDArray> weights, DataType dtype, int batch) {
        this.config = config;
        this.arch = new VaeArchitecture(config);
        this.sd = SameDiff.create();
        this.dtype = dtype;
        this.batch = batch;
        for (VaeWeights.Param p : arch.params()) {
            INDArray array = weights.get(p.name());
            if (array == null) {
                throw new IllegalArgumentException("Missing weight '" + p.name() + "'");
            }
            sd.var(p.name(), array);
        }
    }

    /**
     * The training graph: loss = mean over the batch of reconstruction + β·KL, with dropout when the keep
     * probability is below 1. {@code batch} fixes the shape of the dropout masks.
     */
    public static SameDiff training(VaeConfig c, Map<String, INDArray> weights, DataType dtype, int batch) {
        VaeGraph g = new VaeGraph(c, weights, dtype, c.keepProbability() < 1 ? batch : 0);
        SDVariable x = g.sd.placeHolder(INPUT, dtype, -1, c.imageValues());
        SDVariable eps = g.sd.placeHolder(EPSILON, dtype, -1, c.latentSize());
        SDVariable[] code = g.encoder(x);
        SDVariable z = code[0].add(LATENT, eps.mul(g.sd.math.exp(code[1])));
        SDVariable logits = g.decoderLogits(z);
        g.lossTerms(x, logits, code[0], code[1]);
        g.sd.setLossVariables(LOSS);
        return g.sd;
    }

    /**
     * The graph that evaluates the loss without dropout (for evaluation and tests): the training graph's
     * loss with keep probability 1, plus the decoded images.
     */
    public static SameDiff evaluation(VaeConfig c, Map<String, INDArray> weights, DataType dtype) {
        VaeGraph g = new VaeGraph(c, weights, dtype, 0);
        SDVariable x = g.sd.placeHolder(INPUT, dtype, -1, c.imageValues());
        SDVariable eps = g.sd.placeHolder(EPSILON, dtype, -1, c.latentSize());
        SDVariable[] code = g.encoder(x);
        SDVariable z = code[0].add(LATENT, eps.mul(g.sd.math.exp(code[1])));
        SDVariable logits = g.decoderLogits(z);
        g.sd.nn.sigmoid(DECODED, logits);
        g.lossTerms(x, logits, code[0], code[1]);
        g.sd.setLossVariables(LOSS);
        return g.sd;
    }

    /** Images (N × image values, channel-major) in, {@link #MEAN} and {@link #LOG_STD} out. */
    public static SameDiff encoder(VaeConfig c, Map<String, INDArray> weights, DataType dtype) {
        VaeGraph g = new VaeGraph(c, weights, dtype, 0);
        SDVariable x = g.sd.placeHolder(INPUT, dtype, -1, c.imageValues());
        g.encoder(x);
        return g.sd;
    }

    /** Latent vectors (N × latent) in, {@link #DECODED} images (N × image values, in [0,1]) out. */
    public static SameDiff decoder(VaeConfig c, Map<String, INDArray> weights, DataType dtype) {
        VaeGraph g = new VaeGraph(c, weights, dtype, 0);
        SDVariable z = g.sd.placeHolder(LATENT, dtype, -1, c.latentSize());
        g.sd.nn.sigmoid(DECODED, g.decoderLogits(z));
        return g.sd;
    }

    /** Returns {mean, logStd}. */
    private SDVariable[] encoder(SDVariable x) {
        SDVariable a = sd.reshape(x, -1, config.channels(), config.height(), config.width());
        for (VaeArchitecture.Conv conv : arch.encoder()) {
            Conv2DConfig cfg = Conv2DConfig.builder()
                    .kH(conv.kernelSize()).kW(conv.kernelSize()).sH(conv.stride()).sW(conv.stride())
                    .paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW).build();
            a = sd.cnn.conv2d(a, sd.getVariable(conv.kernel()), sd.getVariable(conv.bias()), cfg);
            a = activationAndDropout(a, conv);
        }
        SDVariable flat = sd.reshape(a, -1, arch.mean().in());
        SDVariable mean = dense(flat, arch.mean()).add(MEAN, 0.0);
        SDVariable logStd = dense(flat, arch.logStd()).mul(LOG_STD, 0.5);
        return new SDVariable[] {mean, logStd};
    }

    private SDVariable decoderLogits(SDVariable z) {
        SDVariable d = z;
        for (VaeArchitecture.Dense layer : arch.decoderDense()) {
            d = activation(dense(d, layer), layer.activation());
        }
        d = sd.reshape(d, -1, 1, config.codeHeight(), config.codeWidth());
        for (VaeArchitecture.Conv conv : arch.decoder()) {
            d = sameTransposedConv(d, conv.kernel(), conv.bias(), conv.stride(), conv.outHeight(), conv.outWidth());
            d = activationAndDropout(d, conv);
        }
        SDVariable flat = sd.reshape(d, -1, arch.output().in());
        return dense(flat, arch.output());
    }

    private SDVariable activationAndDropout(SDVariable a, VaeArchitecture.Conv conv) {
        a = activation(a, conv.activation());
        return conv.dropout() ? dropout(a, conv.outChannels(), conv.outHeight(), conv.outWidth()) : a;
    }

    private SDVariable activation(SDVariable a, VaeArchitecture.Activation activation) {
        return switch (activation) {
            case NONE -> a;
            case RELU -> sd.nn.relu(a, 0);
            case LEAKY_RELU -> sd.nn.leakyRelu(a, config.leakyReluAlpha());
        };
    }

    /**
     * x·W + b as a BLAS matmul and a broadcast add. SameDiff's fused xw_plus_b is not BLAS-backed in M2.1 and
     * took ~60% of a training iteration here.
     */
    private SDVariable dense(SDVariable in, VaeArchitecture.Dense layer) {
        return sd.mmul(in, sd.getVariable(layer.kernel())).add(sd.getVariable(layer.bias()));
    }

    /**
     * A transposed convolution with TensorFlow's 'same' output size (input × stride). libnd4j runs deconv2d
     * through oneDNN only outside SAME mode, and its SAME mode was ~6× slower here, so we pad explicitly with
     * TF's leading padding and crop the trailing excess: the same numbers on the fast path.
     */
    SDVariable sameTransposedConv(SDVariable in, String kernel, String bias, int stride, int outH, int outW) {
        int k = config.kernelSize();
        int lead = TransposedConvPadding.leading(k, stride);
        DeConv2DConfig cfg = DeConv2DConfig.builder()
                .kH(k).kW(k).sH(stride).sW(stride).pH(lead).pW(lead)
                .isSameMode(false).dataFormat(DeConv2DConfig.NCHW).build();
        SDVariable out = sd.cnn.deconv2d(in, sd.getVariable(kernel), sd.getVariable(bias), cfg);
        if (TransposedConvPadding.excess(k, stride) == 0) {
            return out;
        }
        return out.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, outH), SDIndex.interval(0, outW));
    }

    /** Multiplies by a fresh Bernoulli keep-mask scaled by 1/keep (SameDiff's own dropout ops fail in M2.1). */
    private SDVariable dropout(SDVariable a, int channels, int h, int w) {
        if (batch <= 0) {
            return a;
        }
        double keep = config.keepProbability();
        SDVariable mask = sd.random().bernoulli(keep, dtype, batch, channels, h, w);
        return a.mul(mask).mul(1.0 / keep);
    }

    private void lossTerms(SDVariable x, SDVariable logits, SDVariable mean, SDVariable logStd) {
        SDVariable recon;
        if (config.reconstructionLoss() == ReconstructionLoss.SUM_SQUARED) {
            SDVariable diff = sd.nn.sigmoid(logits).sub(x);
            recon = sd.sum(RECONSTRUCTION_PER_IMAGE, diff.mul(diff), 1);
        } else {
            // -[x log σ(l) + (1-x) log(1-σ(l))] = softplus(l) - x·l, stable for large |l|
            recon = sd.sum(RECONSTRUCTION_PER_IMAGE, sd.nn.softplus(logits).sub(x.mul(logits)), 1);
        }
        SDVariable twoLogStd = logStd.mul(2.0);
        SDVariable klTerms = twoLogStd.add(1.0).sub(mean.mul(mean)).sub(sd.math.exp(twoLogStd));
        SDVariable kl = sd.sum(klTerms, 1).mul(KL_PER_IMAGE, -0.5);
        SDVariable perImage = recon.add(kl.mul(config.klWeight()));
        sd.mean(LOSS, perImage);
        sd.mean(RECONSTRUCTION, recon);
        sd.mean(KL, kl);
    }
}
