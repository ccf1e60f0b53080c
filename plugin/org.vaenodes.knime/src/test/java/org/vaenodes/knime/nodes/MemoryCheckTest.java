package org.vaenodes.knime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.image.GridBounds;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.model.VaeConfig;

class MemoryCheckTest {

    @Test
    void batchesShrinkForLargeImagesSoTheirBuffersStayBounded() {
        assertThat(BatchAppender.rowsPerBatch(784)).isEqualTo(NodeSupport.BATCH);
        assertThat(BatchAppender.rowsPerBatch(512 * 512)).isEqualTo(64);
        assertThat(BatchAppender.rowsPerBatch(4096 * 4096)).isEqualTo(1);
        assertThat((long)BatchAppender.rowsPerBatch(2048 * 2048) * 2048 * 2048)
            .isLessThanOrEqualTo(BatchAppender.MAX_BATCH_VALUES);
    }

    @Test
    void gridsHoldFewerLargeImages() {
        assertThat(GridBounds.maxImages(28, 28)).isEqualTo(GridBounds.MAX_IMAGES);
        assertThat(GridBounds.maxImages(4096, 4096)).isEqualTo(3);
        assertThat(GridBounds.maxImages(1024, 1024)).isEqualTo(63);
    }

    @Test
    void nodeEstimatesGrowWithWhatTheNodesAppendAndKeep() {
        VaeConfig c = VaeConfig.defaults();
        long plain = MemoryCheck.reconstructor(c, false, false, 16).heapBytes();
        // appended pixel cells for a batch of 256 rows, 784 cells each
        assertThat(MemoryCheck.reconstructor(c, true, false, 16).heapBytes() - plain)
            .isEqualTo(256L * 784 * MemoryCheck.CELL_BYTES);
        assertThat(MemoryCheck.reconstructor(c, false, false, 1024).heapBytes()).isGreaterThan(plain + 1008L * 784 * 8);
        MemoryEstimate encoder = MemoryCheck.encoder(c, false);
        assertThat(encoder.task()).isEqualTo("The VAE Encoder");
        assertThat(MemoryCheck.encoder(c, true).heapBytes() - encoder.heapBytes())
            .isEqualTo(256L * 8 * MemoryCheck.CELL_BYTES);
        assertThat(MemoryCheck.sampler(c, false, 64).nativeBytes()).isLessThan(encoder.nativeBytes() * 2);
        assertThat(MemoryCheck.budget().raiseHeap()).contains("knime.ini");
    }
}
