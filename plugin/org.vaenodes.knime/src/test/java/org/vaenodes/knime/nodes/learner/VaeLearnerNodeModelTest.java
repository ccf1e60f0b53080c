package org.vaenodes.knime.nodes.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.LogCapture;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knime.table.PixelColumns;
import org.vaenodes.knimestub.RecordingProgressMonitor;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;
import org.vaenodes.testing.SharedData;

class VaeLearnerNodeModelTest {

    /** 8×8, 4 filters, latent 2, 6 iterations. */
    static VaeLearnerNodeModel tiny() {
        VaeLearnerNodeModel m = new VaeLearnerNodeFactory().createNodeModel();
        VaeLearnerSettings s = m.settings();
        s.m_encoderFilters.setStringValue("4,4,4");
        s.m_decoderFilters.setStringValue("4,4,4");
        s.m_latent.setIntValue(2);
        s.m_decoderHidden.setIntValue(6);
        s.m_batchSize.setIntValue(16);
        s.m_iterations.setIntValue(6);
        s.m_threads.setIntValue(2);
        return m;
    }

    @Test
    void configureAnnouncesModelSpecAndStatsFromColumnProperties() throws Exception {
        PortObjectSpec[] out = StubNodes.configure(tiny(), KnimeFixtures.pixelSpec(8, 8));
        VaeModelPortObjectSpec spec = (VaeModelPortObjectSpec)out[0];
        assertThat(spec.getHeight()).isEqualTo(8);
        assertThat(spec.getLatentSize()).isEqualTo(2);
        assertThat(spec.getArchitectureSummary()).contains("latent 2");
        assertThat(((DataTableSpec)out[1]).getColumnNames())
            .containsExactly("iteration", "loss", "reconstruction", "kl", "elapsed_s", "validation_loss");
        assertThat(((DataTableSpec)out[2]).getColumnNames()).containsExactly("iteration", "training_loss",
            "validation_loss", "inputs_and_reconstructions", "samples");
    }

    @Test
    void wrongColumnCountIsExplained() {
        VaeLearnerNodeModel m = tiny();
        m.settings().m_sizeFromProperties.setBooleanValue(false);
        m.settings().m_height.setIntValue(8);
        m.settings().m_width.setIntValue(8);
        DataTableSpec spec63 = spec(63);
        assertThatThrownBy(() -> StubNodes.configure(m, spec63)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Images of 8×8 need 64 pixel columns; 63 are selected.");
    }

    @Test
    void nonSquareColumnsWithoutPropertiesAskForSize() {
        DataTableSpec s = spec(10);
        assertThatThrownBy(() -> StubNodes.configure(tiny(), s)).hasMessageContaining("not a square number");
    }

    private static DataTableSpec spec(final int columns) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new org.knime.core.data.DataColumnSpecCreator("px_" + i,
                org.knime.core.data.def.DoubleCell.TYPE).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Test
    void nonNumericSelectedColumnIsNamed() {
        VaeLearnerNodeModel m = tiny();
        DataTableSpec s = KnimeFixtures.withStringPixel(KnimeFixtures.pixelSpec(8, 8));
        m.settings().m_columns.loadDefaults(s, new org.knime.core.node.util.filter.InputFilter<DataColumnSpec>() {
            @Override
            public boolean include(final DataColumnSpec c) {
                return c.getName().startsWith("px_");
            }
        }, true);
        assertThatThrownBy(() -> StubNodes.configure(m, s)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("\"px_1\" is not numeric");
    }

    @Test
    void noPixelColumnsIsExplained() {
        DataTableSpec s = new DataTableSpec(new String[]{"a"},
            new org.knime.core.data.DataType[]{org.knime.core.data.def.DoubleCell.TYPE});
        assertThatThrownBy(() -> StubNodes.configure(tiny(), s)).hasMessageContaining("No pixel columns are selected").hasMessageContaining("px_*");
    }

    @Test
    void badArchitectureIsReportedAtConfigure() {
        VaeLearnerNodeModel m = tiny();
        m.settings().m_encoderStrides.setStringValue("2,2,x");
        assertThatThrownBy(() -> StubNodes.configure(m, KnimeFixtures.pixelSpec(8, 8)))
            .hasMessageContaining("Encoder strides: \"x\" is not a whole number");
        m.settings().m_encoderStrides.setStringValue("2,2,4");
        assertThatThrownBy(() -> StubNodes.configure(m, KnimeFixtures.pixelSpec(8, 8)))
            .hasMessageContaining("not divisible");
    }

    @Test
    void trainsReportsProgressAndIsReproducible() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        PortObject[] out = StubNodes.run(tiny(), exec, in);
        VaeModelPortObject model = (VaeModelPortObject)out[0];
        assertThat(model.getIterationsTrained()).isEqualTo(6);
        assertThat(model.getSummary()).contains("6 iterations");
        BufferedDataTable stats = (BufferedDataTable)out[1];
        assertThat(stats.size()).isEqualTo(6);
        assertThat(StubContexts.progress(exec).messageHistory())
            .anyMatch(s -> s.matches("Iteration 6 / 6 · loss [0-9.]+ · ETA \\d+:\\d\\d"));

        PortObject[] again = StubNodes.run(tiny(), StubContexts.newExecutionContext(), in);
        List<DataRow> a = StubContexts.rows(stats);
        List<DataRow> b = StubContexts.rows((BufferedDataTable)again[1]);
        for (int i = 0; i < a.size(); i++) {
            // same seed: same batches, ε, dropout masks and arithmetic, so the same losses to the last bit
            double la = ((DoubleValue)a.get(i).getCell(1)).getDoubleValue();
            assertThat(((DoubleValue)b.get(i).getCell(1)).getDoubleValue()).as("loss at iteration %d", i).isEqualTo(la);
        }
        float[] images = new float[64];
        java.util.Arrays.fill(images, 0.3f);
        try (VaeModel m1 = model.openModel(); VaeModel m2 = ((VaeModelPortObject)again[0]).openModel()) {
            float[] z1 = m1.encode(images, 1).mean();
            float[] z2 = m2.encode(images, 1).mean();
            for (int i = 0; i < z1.length; i++) {
                assertThat(z2[i]).isEqualTo(z1[i]);
            }
        }
    }

    @Test
    void trainingIsLoggedForKnimesConsole() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 20);
        VaeLearnerNodeModel m = tiny();
        m.settings().m_iterations.setIntValue(3);
        try (LogCapture log = LogCapture.of(VaeLearnerNodeModel.class)) {
            PortObject[] out = StubNodes.run(m, exec, in);
            List<String> info = log.messages(Level.INFO);
            assertThat(info).hasSize(2);
            assertThat(info.get(0)).startsWith("Training a VAE on 20 images of 8×8: input 8×8×1 · encoder conv "
                + "[4, 4, 4] filters").contains("latent 2", "3 iterations, batch 16", "ND4J CPU backend",
                    "2 threads");
            double lastLoss = ((DoubleValue)StubContexts.rows((BufferedDataTable)out[1]).get(2).getCell(1))
                .getDoubleValue();
            assertThat(info.get(1)).matches("Trained 3 iterations in \\d+\\.\\d s; final loss .*")
                .contains(String.format(java.util.Locale.ROOT, "final loss %.4f (", lastLoss));
        }
    }

    @Test
    void missingValuesAreSkippedWithCountingWarning() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.withMissing(exec, KnimeFixtures.squares(exec, 20), 2, 5);
        VaeLearnerNodeModel m = tiny();
        m.settings().m_iterations.setIntValue(2);
        StubNodes.run(m, exec, in);
        assertThat(StubNodes.warningMessage(m))
            .startsWith("2 rows have missing pixel values; they were skipped (first: \"Row2\").");
    }

    @Test
    void allMissingOrEmptyTableFails() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.withMissing(exec, KnimeFixtures.squares(exec, 2), 0, 1);
        assertThatThrownBy(() -> StubNodes.run(tiny(), exec, in)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("All 2 rows have missing pixel values");
        BufferedDataTable empty = StubContexts.table(exec, KnimeFixtures.pixelSpec(8, 8));
        assertThatThrownBy(() -> StubNodes.run(tiny(), exec, empty)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("The input table is empty");
    }

    @Test
    void valuesOutsideUnitRangeWarn() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        IdxImages imgs = org.vaenodes.testing.TinyData.squares(10, 8, 8, 1);
        List<DataRow> rows = new ArrayList<>();
        for (DataRow r : StubContexts.rows(KnimeFixtures.table(exec, imgs, 10))) {
            org.knime.core.data.DataCell[] c = new org.knime.core.data.DataCell[r.getNumCells()];
            for (int i = 0; i < c.length; i++) {
                c[i] = i == 0 ? r.getCell(0)
                    : new org.knime.core.data.def.DoubleCell(((DoubleValue)r.getCell(i)).getDoubleValue() * 255);
            }
            rows.add(new org.knime.core.data.def.DefaultRow(r.getKey(), c));
        }
        BufferedDataTable in = StubContexts.table(exec, KnimeFixtures.pixelSpec(8, 8), rows);
        VaeLearnerNodeModel m = tiny();
        m.settings().m_iterations.setIntValue(1);
        m.settings().m_learningRate.setDoubleValue(1e-6);
        StubNodes.run(m, exec, in);
        assertThat(StubNodes.warningMessage(m)).contains("outside [0, 1]");
    }

    @Test
    void cancelDuringTrainingThrowsCanceled() throws Exception {
        RecordingProgressMonitor mon = new RecordingProgressMonitor().cancelAfterChecks(3);
        ExecutionContext exec = StubContexts.newExecutionContext(mon);
        BufferedDataTable in = KnimeFixtures.squares(exec, 20);
        VaeLearnerNodeModel m = tiny();
        m.settings().m_iterations.setIntValue(1000);
        // KNIME 5.5.3 showed "Training canceled at iteration Training canceled after 211 iterations"
        assertThatThrownBy(() -> StubNodes.execute(m, exec, in)).isInstanceOf(CanceledExecutionException.class)
            .hasMessageMatching("Training canceled after \\d+ iterations\\.");
    }

    @Test
    void settingsRoundTrip() throws Exception {
        VaeLearnerNodeModel m = tiny();
        m.settings().m_seed.setLongValue(42);
        m.settings().m_loss.setStringValue("BERNOULLI");
        NodeSettings saved = StubNodes.saveSettings(m);
        VaeLearnerNodeModel m2 = new VaeLearnerNodeModel();
        StubNodes.loadSettings(m2, StubNodes.xmlRoundTrip(saved));
        assertThat(StubNodes.saveSettings(m2)).isEqualTo(saved);
        NodeSettings bad = StubNodes.saveSettings(m);
        bad.addString("reconstruction_loss", "L1");
        assertThatThrownBy(() -> StubNodes.validateSettings(m2, bad)).hasMessageContaining("Unknown reconstruction loss");
        assertThat(new VaeLearnerNodeFactory().getNodeName()).isEqualTo("VAE Learner");
        assertThat(new VaeLearnerNodeFactory().getIcon()).isNotNull();
        assertThat(StubNodes.createNodeDialogPane(new VaeLearnerNodeFactory())).isNotNull();
    }

    @Test
    void trainsOnRealMnist() throws Exception {
        Path dir = SharedData.mnistDir();
        IdxImages images = IdxReader.readImages(dir.resolve("t10k-images-idx3-ubyte.gz")).subset(256);
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.table(exec, images, 256);
        assertThat(PixelColumns.sizeFromProperties(in.getDataTableSpec(), new String[]{"px_0"}))
            .containsExactly(28, 28);
        VaeLearnerNodeModel m = new VaeLearnerNodeModel();
        m.settings().m_encoderFilters.setStringValue("8,8,8");
        m.settings().m_decoderFilters.setStringValue("8,8,8");
        m.settings().m_batchSize.setIntValue(32);
        m.settings().m_iterations.setIntValue(20);
        PortObject[] out = StubNodes.run(m, exec, in);
        List<DataRow> stats = StubContexts.rows((BufferedDataTable)out[1]);
        double first = ((DoubleValue)stats.get(0).getCell(1)).getDoubleValue();
        double last = ((DoubleValue)stats.get(19).getCell(1)).getDoubleValue();
        assertThat(last).isLessThan(first);
        assertThat(((VaeModelPortObject)out[0]).getSpec().getPixels()).isEqualTo(784);
    }
}
