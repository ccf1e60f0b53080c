package org.vaenodes.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam (β1 0.9, β2 0.999, ε 1e-8, as TensorFlow's defaults in the seed) applied in place to a set of named
 * parameters, with ND4J's fused native updater. Its moment estimates live in one state array per parameter.
 */
final class AdamStep {

    private final Map<String, INDArray> parameters;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final List<String> names;

    AdamStep(Map<String, INDArray> parameters, double learningRate) {
        this.parameters = parameters;
        this.names = new ArrayList<>(parameters.keySet());
        Adam adam = new Adam(learningRate, 0.9, 0.999, 1e-8);
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            INDArray p = e.getValue();
            INDArray state = Nd4j.zeros(p.dataType(), 1, adam.stateSize(p.length()));
            updaters.put(e.getKey(), adam.instantiate(state, true));
        }
    }

    List<String> parameterNames() {
        return names;
    }

    /** Turns each gradient into Adam's step (in place) and subtracts it from its parameter. */
    void apply(Map<String, INDArray> gradients, int iteration) {
        for (String name : names) {
            INDArray g = gradients.get(name);
            if (g == null) {
                throw new IllegalStateException("No gradient for parameter '" + name + "'");
            }
            INDArray p = parameters.get(name);
            INDArray flat = g.reshape(1, g.length());
            updaters.get(name).applyUpdater(flat, iteration, 0);
            p.subi(flat.reshape(p.shape()));
        }
    }
}
