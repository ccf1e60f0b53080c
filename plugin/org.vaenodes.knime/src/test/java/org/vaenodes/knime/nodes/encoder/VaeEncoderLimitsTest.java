package org.vaenodes.knime.nodes.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.knime.DamagedTables;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

/** Damaged input and a model too large for the memory KNIME has. */
class VaeEncoderLimitsTest {

    @Test
    void nanAndInfinitePixelsLeaveTheRowsLatentsMissingAndNameTheFirstRow() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 10);
        in = DamagedTables.withValue(exec, in, 2, 5, Double.NaN);
        in = DamagedTables.withValue(exec, in, 7, 1, Double.POSITIVE_INFINITY);
        VaeEncoderNodeModel m = new VaeEncoderNodeModel();
        List<DataRow> rows =
            StubContexts.rows((BufferedDataTable)StubNodes.run(m, exec, KnimeFixtures.tinyModel(), in)[0]);
        assertThat(rows).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(rows.get(i).getCell(65).isMissing()).as("row %d", i).isEqualTo(i == 2 || i == 7);
        }
        assertThat(StubNodes.warningMessage(m)).isEqualTo(
            "2 rows have NaN or infinite pixel values; their latent columns are missing (first: \"Row2\").");
    }

    @Test
    void aModelWhoseInferenceCannotFitIsRefusedAtConfigure() throws Exception {
        VaeModelPortObjectSpec model = KnimeFixtures.tinyModel().getSpec(); // trained before the limit is lowered
        try {
            System.setProperty(MemoryBudget.NATIVE_PROPERTY, "16k");
            assertThatThrownBy(() -> StubNodes.configure(new VaeEncoderNodeModel(), model, KnimeFixtures.pixelSpec(8, 8))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("The VAE Encoder needs about ")
                .hasMessageContaining("of native memory, more than the 16 KiB available")
                .hasMessageEndingWith("or raise the limit (a line -Dorg.bytedeco.javacpp.maxphysicalbytes=… in "
                    + "knime.ini, which limits resident memory, heap included).");
        } finally {
            System.clearProperty(MemoryBudget.NATIVE_PROPERTY);
        }
    }
}
