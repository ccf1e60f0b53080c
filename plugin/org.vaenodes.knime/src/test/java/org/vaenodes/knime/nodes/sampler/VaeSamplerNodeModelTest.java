package org.vaenodes.knime.nodes.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.nodes.SavedChoice;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

class VaeSamplerNodeModelTest {

    @Test
    void randomSamplesAreReproducible() throws Exception {
        VaeSamplerNodeModel m = new VaeSamplerNodeFactory().createNodeModel();
        m.settings().m_count.setIntValue(5);
        m.settings().m_appendPixels.setBooleanValue(true);
        DataTableSpec spec = (DataTableSpec)StubNodes.configure(m, KnimeFixtures.tinyModel().getSpec())[0];
        assertThat(spec.getColumnNames()).startsWith("z_0", "z_1", "image", "px_0");
        PortObject[] out = StubNodes.run(m, StubContexts.newExecutionContext(), KnimeFixtures.tinyModel());
        PortObject[] again = StubNodes.run(m, StubContexts.newExecutionContext(), KnimeFixtures.tinyModel());
        List<DataRow> a = StubContexts.rows((BufferedDataTable)out[0]);
        assertThat(a).hasSize(5);
        assertThat(a.get(4).getCell(0)).isEqualTo(StubContexts.rows((BufferedDataTable)again[0]).get(4).getCell(0));
        assertThat(out[1]).isInstanceOf(ImagePortObject.class);
    }

    @Test
    void interpolationIsLinearAndTraversalIsAGrid() throws Exception {
        VaeSamplerNodeModel m = new VaeSamplerNodeModel();
        m.settings().m_mode.setStringValue(SamplerMode.INTERPOLATION.key());
        m.settings().m_count.setIntValue(3);
        List<DataRow> rows = StubContexts.rows(
            (BufferedDataTable)StubNodes.run(m, StubContexts.newExecutionContext(), KnimeFixtures.tinyModel())[0]);
        double z0 = ((DoubleValue)rows.get(0).getCell(0)).getDoubleValue();
        double z1 = ((DoubleValue)rows.get(1).getCell(0)).getDoubleValue();
        double z2 = ((DoubleValue)rows.get(2).getCell(0)).getDoubleValue();
        assertThat(z1).isCloseTo((z0 + z2) / 2, org.assertj.core.data.Offset.offset(1e-5));

        m.settings().m_mode.setStringValue(SamplerMode.TRAVERSAL.key());
        m.settings().m_steps.setIntValue(3);
        m.settings().m_range.setDoubleValue(2);
        rows = StubContexts.rows(
            (BufferedDataTable)StubNodes.run(m, StubContexts.newExecutionContext(), KnimeFixtures.tinyModel())[0]);
        assertThat(rows).hasSize(9);
        assertThat(((DoubleValue)rows.get(0).getCell(0)).getDoubleValue()).isEqualTo(-2.0);
        assertThat(((DoubleValue)rows.get(2).getCell(0)).getDoubleValue()).isEqualTo(2.0);
        assertThat(((DoubleValue)rows.get(0).getCell(1)).getDoubleValue()).isEqualTo(2.0);
    }

    @Test
    void badTraversalDimensionIsExplained() throws Exception {
        VaeSamplerNodeModel m = new VaeSamplerNodeModel();
        m.settings().m_mode.setStringValue(SamplerMode.TRAVERSAL.key());
        m.settings().m_dimY.setIntValue(5);
        assertThatThrownBy(() -> StubNodes.configure(m, KnimeFixtures.tinyModel().getSpec()))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Latent dimension 5 does not exist: the model has latent size 2 (dimensions 0–1).");
        NodeSettings s = StubNodes.saveSettings(m);
        s.addString("mode", "spiral");
        assertThatThrownBy(() -> StubNodes.validateSettings(m, s)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Unknown mode \"spiral\"; use random, interpolation or traversal.");
        assertThat(m.settings().m_mode.getStringValue()).isEqualTo("traversal");
        assertThat(new VaeSamplerNodeFactory().getNodeName()).isEqualTo("VAE Sampler");
        assertThat(new VaeSamplerNodeFactory().getIcon()).isNotNull();
    }

    @Test
    void modesSaveTodaysStrings() throws Exception {
        assertThat(SavedChoice.keys(SamplerMode.class)).containsExactly("random", "interpolation", "traversal");
        NodeSettings s = StubNodes.saveSettings(new VaeSamplerNodeModel());
        assertThat(s.getString("mode")).isEqualTo("random");
        for (SamplerMode mode : SamplerMode.values()) {
            assertThat(SamplerMode.parse(mode.key())).isEqualTo(mode);
        }
    }
}
