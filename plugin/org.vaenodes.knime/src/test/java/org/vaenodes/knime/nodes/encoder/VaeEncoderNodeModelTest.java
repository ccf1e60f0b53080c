package org.vaenodes.knime.nodes.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

class VaeEncoderNodeModelTest {

    @Test
    void configureAppendsLatentColumns() throws Exception {
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        VaeEncoderNodeModel m = new VaeEncoderNodeFactory().createNodeModel();
        m.settings().m_logStd.setBooleanValue(true);
        DataTableSpec out = (DataTableSpec)StubNodes.configure(m, model.getSpec(), KnimeFixtures.pixelSpec(8, 8))[0];
        assertThat(out.getNumColumns()).isEqualTo(1 + 64 + 4);
        assertThat(out.getColumnSpec(65).getName()).isEqualTo("z_mean_0");
        assertThat(out.getColumnSpec(68).getName()).isEqualTo("z_logstd_1");
    }

    @Test
    void sizeMismatchAndMissingModelAreExplained() throws Exception {
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        VaeEncoderNodeModel m = new VaeEncoderNodeModel();
        assertThatThrownBy(() -> StubNodes.configure(m, model.getSpec(), KnimeFixtures.pixelSpec(7, 9)))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessage("The model expects 64 pixel columns (8×8); 63 are selected.");
        assertThatThrownBy(() -> StubNodes.configure(new VaeEncoderNodeModel(), null, KnimeFixtures.pixelSpec(8, 8)))
            .hasMessageContaining("connect a VAE Learner");
    }

    @Test
    void encodesRowsAndLeavesMissingRowsMissing() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.withMissing(exec, KnimeFixtures.squares(exec, 300), 4);
        VaeEncoderNodeModel m = new VaeEncoderNodeModel();
        BufferedDataTable out = (BufferedDataTable)StubNodes.run(m, exec, KnimeFixtures.tinyModel(), in)[0];
        assertThat(out.size()).isEqualTo(300);
        List<DataRow> rows = StubContexts.rows(out);
        assertThat(rows.get(4).getCell(65).isMissing()).isTrue();
        assertThat(rows.get(5).getCell(65).isMissing()).isFalse();
        assertThat(rows.get(299).getKey()).isEqualTo(StubContexts.rows(in).get(299).getKey());
        assertThat(StubNodes.warningMessage(m)).startsWith("1 row has missing pixel values");
        assertThat(StubContexts.progress(exec).cancelChecks()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void emptyTableGivesEmptyOutput() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = StubContexts.table(exec, KnimeFixtures.pixelSpec(8, 8));
        BufferedDataTable out =
            (BufferedDataTable)StubNodes.run(new VaeEncoderNodeModel(), exec, KnimeFixtures.tinyModel(), in)[0];
        assertThat(out.size()).isZero();
    }

    @Test
    void cancelAndSettings() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 10);
        StubContexts.cancel(exec);
        assertThatThrownBy(() -> StubNodes.execute(new VaeEncoderNodeModel(), exec, KnimeFixtures.tinyModel(), in))
            .isInstanceOf(CanceledExecutionException.class);
        VaeEncoderNodeModel m = new VaeEncoderNodeModel();
        m.settings().m_logStd.setBooleanValue(true);
        NodeSettings s = StubNodes.saveSettings(m);
        VaeEncoderNodeModel m2 = new VaeEncoderNodeModel();
        StubNodes.loadSettings(m2, StubNodes.xmlRoundTrip(s));
        assertThat(m2.settings().m_logStd.getBooleanValue()).isTrue();
        assertThat(new VaeEncoderNodeFactory().getNodeName()).isEqualTo("VAE Encoder");
        assertThat(new VaeEncoderNodeFactory().getIcon()).isNotNull();
        PortObjectSpec[] specs = {KnimeFixtures.tinyModel().getSpec(), KnimeFixtures.pixelSpec(8, 8)};
        StubNodes.loadDialog(StubNodes.createNodeDialogPane(new VaeEncoderNodeFactory()), s, specs);
    }
}
