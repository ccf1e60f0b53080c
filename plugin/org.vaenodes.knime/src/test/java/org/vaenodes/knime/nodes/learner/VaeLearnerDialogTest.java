package org.vaenodes.knime.nodes.learner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knimestub.StubNodeContainer;
import org.vaenodes.knimestub.StubNodeContainer.State;
import org.vaenodes.knimestub.StubNodes;

/** The Learner's dialog with and without a model at the optional input, through KNIME's settings handling. */
class VaeLearnerDialogTest {

    @Test
    void aConnectedModelDisablesTheArchitectureOptionsAndAnUntouchedOkKeepsTheNodeConfigured() throws Exception {
        DataTableSpec table = KnimeFixtures.pixelSpec(8, 8);
        VaeModelPortObjectSpec model = KnimeFixtures.tinyModel().getSpec();
        StubNodeContainer c = StubNodeContainer.fresh(new VaeLearnerNodeFactory());
        assertThat(c.configure(table, model)).as(c.configureError()).isEqualTo(State.CONFIGURED);
        VaeLearnerNodeDialog dialog = (VaeLearnerNodeDialog)c.openDialog();
        for (SettingsModel m : dialog.settings().architecture()) {
            assertThat(m.isEnabled()).as(m.toString()).isFalse();
        }
        assertThat(dialog.settings().m_iterations.isEnabled()).isTrue();
        assertThat(dialog.settings().m_snapshotEvery.isEnabled()).isTrue();
        assertThat(VaeLearnerNodeDialog.ARCHITECTURE_GROUP).contains("disabled while a VAE Model is connected");
        NodeSettings saved = c.dialogSettings();
        assertThat(saved.getNodeSettings("latent_size_Internals").getBoolean("EnabledStatus")).isFalse();
        c.applySettingsFromDialog();
        assertThat(c.state()).as(c.configureError()).isEqualTo(State.CONFIGURED);

        // disconnected again: the options are enabled again
        assertThat(c.configure(table)).isEqualTo(State.CONFIGURED);
        dialog = (VaeLearnerNodeDialog)c.openDialog();
        for (SettingsModel m : dialog.settings().architecture()) {
            assertThat(m.isEnabled()).as(m.toString()).isTrue();
        }
        c.applySettingsFromDialog();
        assertThat(c.state()).isEqualTo(State.CONFIGURED);
        assertThat(c.settings().getNodeSettings("latent_size_Internals").getBoolean("EnabledStatus")).isTrue();
    }

    @Test
    void theNodeHasOneViewAndTheNewPortsComeAfterTheOldOnes() {
        VaeLearnerNodeFactory f = new VaeLearnerNodeFactory();
        VaeLearnerNodeModel m = f.createNodeModel();
        assertThat(StubNodes.nrNodeViews(f)).isEqualTo(1);
        assertThat(f.createNodeView(0, m)).isInstanceOf(VaeLearnerNodeView.class);
        assertThat(StubNodes.nrInPorts(m)).isEqualTo(2);
        assertThat(StubNodes.inPortType(m, 0).isOptional()).isFalse();
        assertThat(StubNodes.inPortType(m, 1).isOptional()).isTrue();
        assertThat(StubNodes.nrOutPorts(m)).isEqualTo(3);
        assertThat(StubNodes.outPortType(m, 0)).isEqualTo(org.vaenodes.knime.port.VaeModelPortObject.TYPE);
        assertThat(StubNodes.outPortType(m, 1)).isEqualTo(org.knime.core.node.BufferedDataTable.TYPE);
        assertThat(StubNodes.outPortType(m, 2)).isEqualTo(org.knime.core.node.BufferedDataTable.TYPE);
    }
}
