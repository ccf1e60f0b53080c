package org.vaenodes.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.model.VaeConfig;

class OperationCountTest {

    @Test
    void seedModelCountsLayerByLayer() {
        // encoder 14·14·64·1·16 + 2 × 7·7·64·64·16, mean and log-std 2 × 3136·8,
        // decoder 8·24 + 24·49 + 7·7·1·64·16 + 2 × 14·14·64·64·16 + 12544·784
        long expected = 200_704L + 2 * 3_211_264L + 50_176L + 1_368L + 50_176L + 2 * 12_845_056L + 9_834_496L;
        VaeConfig seed = VaeConfig.defaults();
        assertThat(OperationCount.forwardMacsPerImage(seed)).isEqualTo(expected);
        // the figure: ~16.2 GFLOP per training iteration of 64 images
        assertThat(OperationCount.trainingFlopsPerImage(seed) * 64 / 1e9).isCloseTo(16.22, within(0.01));
        assertThat(OperationCount.encodeFlopsPerImage(seed) + OperationCount.sampleFlopsPerImage(seed))
            .isEqualTo(OperationCount.reconstructFlopsPerImage(seed));
    }

    @Test
    void fewerFiltersMeanFewerOperations() {
        VaeConfig seed = VaeConfig.defaults();
        VaeConfig narrow = seed.toBuilder().filters(32).build();
        assertThat(OperationCount.forwardMacsPerImage(narrow)).isLessThan(OperationCount.forwardMacsPerImage(seed));
    }
}
