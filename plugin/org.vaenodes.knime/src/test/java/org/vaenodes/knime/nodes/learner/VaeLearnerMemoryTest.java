package org.vaenodes.knime.nodes.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.knime.DamagedTables;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

/** The Learner refuses what cannot fit: at configure from the settings, at execute from the table's size. */
class VaeLearnerMemoryTest {

    @Test
    void aConfigurationTooLargeForKnimesMemoryIsRefusedAtConfigure() {
        // 64×64 with 1,024 filters, two encoder layers at 64×64 and 32×32: gigabytes per batch of 64, more than
        // the tests' -Xmx4g (and its 16 GiB JavaCPP limit)
        VaeLearnerNodeModel m = VaeLearnerNodeModelTest.tiny();
        m.settings().m_encoderFilters.setStringValue("1024,1024,1024");
        m.settings().m_decoderFilters.setStringValue("1024,1024,1024");
        m.settings().m_encoderStrides.setStringValue("1,2,4");
        m.settings().m_decoderStrides.setStringValue("1,1,1");
        m.settings().m_batchSize.setIntValue(64);
        assertThatThrownBy(() -> StubNodes.configure(m, KnimeFixtures.pixelSpec(64, 64)))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessageStartingWith("Training needs about ")
            .hasMessageContaining("of Java heap, more than the 4.0 GiB available (the Java heap limit)")
            .hasMessageContaining("the largest part is the 335,849,942 parameters and their copies")
            .hasMessageContaining("use fewer filters, larger encoder strides")
            .hasMessageEndingWith("or raise the limit (the -Xmx line in knime.ini, e.g. -Xmx16g, then restart KNIME).");
    }

    @Test
    void aTableTooLargeForTheHeapIsRefusedBeforeItIsRead() throws Exception {
        VaeLearnerNodeModel m = VaeLearnerNodeModelTest.tiny();
        long configured = MemoryEstimate.training(m.settings().config(8, 8), -1, 0, true).heapBytes();
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 3000);
        try {
            // the model and a batch fit; 3,000 images as floats (3 chunks of 1,024 × 64 × 4 bytes) do not
            System.setProperty(MemoryBudget.HEAP_PROPERTY, Long.toString(configured + 100_000));
            StubNodes.configure(m, KnimeFixtures.pixelSpec(8, 8));
            assertThatThrownBy(() -> StubNodes.execute(m, exec, in)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("of Java heap, more than the ")
                .hasMessageContaining("the largest part is the 3,000 training images (768 KiB)")
                .hasMessageContaining("use a number of training images of at most ")
                .hasMessageContaining("the -Xmx line in knime.ini");
            assertThat(StubContexts.progress(exec).messageHistory()).noneMatch(s -> s.startsWith("Reading row"));
        } finally {
            System.clearProperty(MemoryBudget.HEAP_PROPERTY);
        }
    }

    @Test
    void nanRowsAreSkippedAndTheStatisticsNameEachIteration() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = DamagedTables.withValue(exec, KnimeFixtures.squares(exec, 20), 3, 10, Double.NaN);
        VaeLearnerNodeModel m = VaeLearnerNodeModelTest.tiny();
        BufferedDataTable stats = (BufferedDataTable)StubNodes.run(m, exec, in)[1];
        assertThat(StubNodes.warningMessage(m))
            .isEqualTo("1 row has NaN or infinite pixel values; they were skipped (first: \"Row3\").");
        List<DataRow> rows = StubContexts.rows(stats);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((IntValue)rows.get(i).getCell(0)).getIntValue()).isEqualTo(i + 1);
        }
        assertThat(rows).hasSize(6);
    }
}
