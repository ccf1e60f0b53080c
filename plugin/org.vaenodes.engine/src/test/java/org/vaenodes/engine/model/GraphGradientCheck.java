package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference graph's gradients against central finite differences, in double precision, at six random entries
 * of every parameter: catches wrong weight layouts and wrong loss terms. (ND4J's GradCheckUtil throws a
 * NullPointerException on this graph in M2.1.) The tolerance has an absolute part: a difference quotient of a
 * loss of ~10 carries ~1e-10 of rounding noise, which alone made gradients of ~1e-5 fail a purely relative bound.
 */
final class GraphGradientCheck {

    private GraphGradientCheck() {
    }

    /**
     * Checks {@code c} on a batch of 3 random images (ND4J's random generator, seeded by the caller, gives the
     * biases, images and ε) and returns the analytic gradients.
     */
    static Map<String, INDArray> check(VaeConfig c, long pickSeed, String label) {
        Map<String, INDArray> w = VaeWeights.initial(c, DataType.DOUBLE);
        randomizeBiases(w);
        SameDiff sd = VaeGraph.evaluation(c, w, DataType.DOUBLE);
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(VaeGraph.INPUT, Nd4j.rand(DataType.DOUBLE, 3, c.imageValues()));
        feed.put(VaeGraph.EPSILON, Nd4j.randn(DataType.DOUBLE, 3, c.latentSize()));
        Map<String, INDArray> grads = sd.calculateGradients(feed, w.keySet());
        SplittableRandom pick = new SplittableRandom(pickSeed);
        double h = 1e-5;
        int checked = 0;
        for (Map.Entry<String, INDArray> e : w.entrySet()) {
            INDArray p = e.getValue();
            INDArray flat = p.reshape(p.length());
            INDArray g = grads.get(e.getKey()).reshape(p.length());
            for (int n = 0; n < Math.min(6, p.length()); n++) {
                long i = pick.nextLong(p.length());
                double original = flat.getDouble(i);
                flat.putScalar(i, original + h);
                double up = sd.output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
                flat.putScalar(i, original - h);
                double down = sd.output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
                flat.putScalar(i, original);
                double numeric = (up - down) / (2 * h);
                double analytic = g.getDouble(i);
                assertThat(Math.abs(numeric - analytic))
                        .as("%s loss: d loss / d %s[%d]: numeric %s, analytic %s", label, e.getKey(), i, numeric, analytic)
                        .isLessThan(1e-4 * (Math.abs(numeric) + Math.abs(analytic)) + 1e-9);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
        return grads;
    }

    /** Biases uniform in [-0.1, 0.1): initial biases are 0, which would hide a bias gradient that goes astray. */
    static void randomizeBiases(Map<String, INDArray> w) {
        for (INDArray a : w.values()) {
            if (a.rank() == 1) {
                a.assign(Nd4j.rand(a.dataType(), a.shape()).subi(0.5).muli(0.2));
            }
        }
    }
}
