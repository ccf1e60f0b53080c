package org.vaenodes.knime.nodes.reconstructor;

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

class VaeReconstructorLimitsTest {

    @Test
    void infinitePixelsLeaveTheRowsReconstructionMissingAndStayOutOfTheGrid() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = DamagedTables.withValue(exec, KnimeFixtures.squares(exec, 6), 0, 3,
            Double.NEGATIVE_INFINITY);
        VaeReconstructorNodeModel m = new VaeReconstructorNodeModel();
        List<DataRow> rows =
            StubContexts.rows((BufferedDataTable)StubNodes.run(m, exec, KnimeFixtures.tinyModel(), in)[0]);
        assertThat(rows.get(0).getCell(65).isMissing()).isTrue();
        assertThat(rows.get(0).getCell(66).isMissing()).isTrue();
        assertThat(rows.get(1).getCell(65).isMissing()).isFalse();
        assertThat(StubNodes.warningMessage(m)).isEqualTo(
            "1 row has NaN or infinite pixel values; their reconstruction columns are missing (first: \"Row0\").");
    }

    @Test
    void aModelWhoseInferenceCannotFitIsRefusedAtConfigure() throws Exception {
        VaeModelPortObjectSpec model = KnimeFixtures.tinyModel().getSpec(); // trained before the limit is lowered
        try {
            System.setProperty(MemoryBudget.HEAP_PROPERTY, "64k");
            assertThatThrownBy(() -> StubNodes.configure(new VaeReconstructorNodeModel(), model,
                KnimeFixtures.pixelSpec(8, 8)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("The VAE Reconstructor needs about ")
                .hasMessageContaining("of Java heap, more than the 64 KiB available")
                .hasMessageContaining("the -Xmx line in knime.ini");
        } finally {
            System.clearProperty(MemoryBudget.HEAP_PROPERTY);
        }
    }
}
