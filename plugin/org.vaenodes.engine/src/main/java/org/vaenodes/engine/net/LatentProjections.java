package org.vaenodes.engine.net;

import static org.vaenodes.engine.net.NativeArrays.create;
import static org.vaenodes.engine.net.NativeArrays.mmul;
import static org.vaenodes.engine.net.NativeArrays.nio;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.model.VaeArchitecture;

/**
 * The latent code from the flattened encoder output: mean = flat·Wm + bm, logStd = 0.5·(flat·Ws + bs). The two
 * products are native GEMMs (the input is large); the biases and the halving are done in Java on the small
 * results, which the step uses in Java anyway.
 */
final class LatentProjections {

    private final Steps forward = new Steps("latent");
    private final Steps backward = new Steps("latent");
    private final Parameters params;
    private final Parameters.Slot meanBias;
    private final Parameters.Slot logStdBias;
    private final int batch;
    private final int latent;
    private final FloatBuffer meanRaw;
    private final FloatBuffer logStdRaw;
    private final FloatBuffer meanGradientNio;
    private final FloatBuffer logStdRawGradientNio;
    private final float[] bm;
    private final float[] bs;
    private final float[] mean;
    private final float[] logStd;
    private final float[] rawGradient;
    private final float[] gbm;
    private final float[] gbs;

    /** @param flat the encoder output [N, features]; {@code flatGradient} its gradient (null: inference) */
    LatentProjections(VaeArchitecture.Dense meanLayer, VaeArchitecture.Dense logStdLayer, INDArray flat,
            INDArray flatGradient, Parameters params, int batch) {
        this.params = params;
        this.batch = batch;
        this.latent = Math.toIntExact(meanLayer.out());
        Parameters.Slot meanKernel = params.slot(meanLayer.kernel());
        Parameters.Slot logStdKernel = params.slot(logStdLayer.kernel());
        meanBias = params.slot(meanLayer.bias());
        logStdBias = params.slot(logStdLayer.bias());
        INDArray meanRawArray = create(batch, latent);
        INDArray logStdRawArray = create(batch, latent);
        meanRaw = nio(meanRawArray);
        logStdRaw = nio(logStdRawArray);
        bm = new float[latent];
        bs = new float[latent];
        mean = new float[batch * latent];
        logStd = new float[batch * latent];
        forward.op(mmul(flat, meanKernel.value(), meanRawArray, false, false, 0))
                .op(mmul(flat, logStdKernel.value(), logStdRawArray, false, false, 0));
        if (flatGradient == null) {
            meanGradientNio = null;
            logStdRawGradientNio = null;
            rawGradient = null;
            gbm = null;
            gbs = null;
            return;
        }
        INDArray dMean = create(batch, latent);
        INDArray dLogStdRaw = create(batch, latent);
        meanGradientNio = nio(dMean);
        logStdRawGradientNio = nio(dLogStdRaw);
        rawGradient = new float[batch * latent];
        gbm = new float[latent];
        gbs = new float[latent];
        backward.op(mmul(flat, dMean, meanKernel.gradient(), true, false, 0))
                .op(mmul(flat, dLogStdRaw, logStdKernel.gradient(), true, false, 0))
                .op(mmul(dMean, meanKernel.value(), flatGradient, false, true, 0))
                .op(mmul(dLogStdRaw, logStdKernel.value(), flatGradient, false, true, 1));
    }

    /** Computes {@link #mean()} and {@link #logStd()} from the encoder output. */
    void forward() {
        forward.run();
        params.read(meanBias, bm);
        params.read(logStdBias, bs);
        meanRaw.get(0, mean, 0, mean.length);
        logStdRaw.get(0, logStd, 0, logStd.length);
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < latent; j++) {
                int i = n * latent + j;
                mean[i] += bm[j];
                logStd[i] = 0.5f * (logStd[i] + bs[j]);
            }
        }
    }

    /** [N, latent] */
    float[] mean() { return mean; }

    /** [N, latent] */
    float[] logStd() { return logStd; }

    /** From the gradients of mean and logStd to the encoder output's and the projections' own. */
    void backward(float[] meanGradient, float[] logStdGradient) {
        Arrays.fill(gbm, 0f);
        Arrays.fill(gbs, 0f);
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < latent; j++) {
                int i = n * latent + j;
                float dRaw = 0.5f * logStdGradient[i];
                rawGradient[i] = dRaw;
                gbm[j] += meanGradient[i];
                gbs[j] += dRaw;
            }
        }
        params.writeGradient(meanBias, gbm);
        params.writeGradient(logStdBias, gbs);
        meanGradientNio.put(0, meanGradient, 0, meanGradient.length);
        logStdRawGradientNio.put(0, rawGradient, 0, rawGradient.length);
        backward.run();
    }
}
