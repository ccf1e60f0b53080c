package org.vaenodes.engine.train;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeWeights;

/**
 * What a comparison of the direct step with the SameDiff reference feeds both: the initial weights with random
 * biases (initial biases are 0, which would hide a bias gradient that goes astray), the reference's own copy of
 * them, random images and random ε, all from one seed in that order.
 */
record StepInputs(Map<String, INDArray> weights, Map<String, INDArray> reference, float[] x, float[] eps) {

    static StepInputs random(VaeConfig c, int batch, long seed) {
        Map<String, INDArray> weights = VaeWeights.initial(c, DataType.FLOAT);
        SplittableRandom r = new SplittableRandom(seed);
        for (INDArray a : weights.values()) {
            if (a.rank() == 1) {
                for (long i = 0; i < a.length(); i++) {
                    a.putScalar(i, r.nextDouble(-0.1, 0.1));
                }
            }
        }
        float[] x = new float[batch * c.imageValues()];
        float[] eps = new float[batch * c.latentSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) r.nextGaussian();
        }
        Map<String, INDArray> reference = new HashMap<>();
        weights.forEach((k, v) -> reference.put(k, v.dup()));
        return new StepInputs(weights, reference, x, eps);
    }
}
