package org.vaenodes.knime.nodes.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.nodes.learner.monitor.MonitorState;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

/** The Learner's monitor, stop button, snapshots, validation and continued training, through the stand-in. */
class VaeLearnerTrainingControlTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static VaeLearnerNodeModel tiny(final int iterations, final int snapshotEvery) {
        VaeLearnerNodeModel m = VaeLearnerNodeModelTest.tiny();
        m.settings().m_iterations.setIntValue(iterations);
        m.settings().m_snapshotEvery.setIntValue(snapshotEvery);
        return m;
    }

    @Test
    void stopButtonEndsExecutedWithTheModelSoFarAndAWarning() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        VaeLearnerNodeModel m = tiny(1_000_000, 0);
        VaeLearnerNodeView view = (VaeLearnerNodeView)new VaeLearnerNodeFactory().createNodeView(0, m);
        StubNodes.openView(view);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PortObject[]> run = pool.submit(() -> StubNodes.run(m, exec, in));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (m.monitor().state().iterationsDone() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            view.redraw();
            assertThat(view.panel().stopButton().isEnabled()).isTrue();
            view.panel().stopButton().doClick();
            PortObject[] out = run.get(30, TimeUnit.SECONDS);
            VaeModelPortObject model = (VaeModelPortObject)out[0];
            int done = model.getIterationsTrained();
            assertThat(done).isBetween(20, 999_999);
            BufferedDataTable stats = (BufferedDataTable)out[1];
            assertThat(stats.size()).isEqualTo(done);
            List<DataRow> rows = StubContexts.rows(stats);
            assertThat(((IntValue)rows.get(rows.size() - 1).getCell(0)).getIntValue()).isEqualTo(done);
            assertThat(StubNodes.warningMessage(m)).isEqualTo("Training stopped by the user after " + done
                + " of 1000000 iterations; the model is the one after them.");
            MonitorState s = m.monitor().state();
            assertThat(s.phase()).isEqualTo(MonitorState.Phase.FINISHED);
            assertThat(s.iterationsDone()).isEqualTo(done);
            view.redraw();
            assertThat(view.panel().statusText()).startsWith("Finished · iteration " + String.format("%,d", done)
                + " / 1,000,000");
            assertThat(view.panel().stopButton().isEnabled()).isFalse();
        } finally {
            pool.shutdownNow();
            view.callCloseView();
        }
    }

    @Test
    void cancelStillDiscardsAndTheMonitorSaysSo() throws Exception {
        org.vaenodes.knimestub.RecordingProgressMonitor mon = new org.vaenodes.knimestub.RecordingProgressMonitor()
            .cancelAfterChecks(5);
        ExecutionContext exec = StubContexts.newExecutionContext(mon);
        BufferedDataTable in = KnimeFixtures.squares(exec, 20);
        VaeLearnerNodeModel m = tiny(1000, 0);
        assertThatThrownBy(() -> StubNodes.execute(m, exec, in))
            .isInstanceOf(org.knime.core.node.CanceledExecutionException.class);
        assertThat(m.monitor().state().phase()).isEqualTo(MonitorState.Phase.FAILED);
        assertThat(m.monitor().state().message()).endsWith("the model was discarded.");
    }

    @Test
    void snapshotTableHasOneRowPerSnapshotWithPictures() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        PortObject[] out = StubNodes.run(tiny(6, 2), exec, in);
        List<DataRow> rows = StubContexts.rows((BufferedDataTable)out[2]);
        // after iterations 1, 3, 5 (every 2nd, from the first) and after the last
        assertThat(rows).extracting(r -> ((IntValue)r.getCell(0)).getIntValue()).containsExactly(1, 3, 5, 6);
        assertThat(rows).extracting(r -> r.getKey().getString()).containsExactly("Iteration 1", "Iteration 3",
            "Iteration 5", "Iteration 6");
        assertThat(rows.get(0).getCell(2).isMissing()).as("no validation rows: missing validation loss").isTrue();
        BufferedImage rec = png(rows.get(3), 3);
        BufferedImage samples = png(rows.get(3), 4);
        // 16 inputs in rows of 8 above their reconstructions: 4 rows; 16 samples: 2 rows of the same width
        assertThat(rec.getWidth()).isEqualTo(samples.getWidth());
        assertThat(rec.getHeight()).isGreaterThan(2 * samples.getHeight() - 8).isLessThan(2 * samples.getHeight() + 8);
        List<DataRow> stats = StubContexts.rows((BufferedDataTable)out[1]);
        double loss6 = ((DoubleValue)stats.get(5).getCell(1)).getDoubleValue();
        assertThat(((DoubleValue)rows.get(3).getCell(1)).getDoubleValue()).isEqualTo(loss6);
    }

    static BufferedImage png(final DataRow row, final int cell) throws java.io.IOException {
        byte[] bytes = ((PNGImageValue)row.getCell(cell)).getImageContent().getByteArray();
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void validationLossGoesIntoStatisticsSnapshotsAndMonitor() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        VaeLearnerNodeModel m = tiny(6, 3);
        m.settings().m_validationShare.setDoubleValue(0.25);
        PortObject[] out = StubNodes.run(m, exec, in);
        List<DataRow> snaps = StubContexts.rows((BufferedDataTable)out[2]);
        assertThat(snaps).extracting(r -> ((IntValue)r.getCell(0)).getIntValue()).containsExactly(1, 4, 6);
        List<DataRow> stats = StubContexts.rows((BufferedDataTable)out[1]);
        for (DataRow s : snaps) {
            int it = ((IntValue)s.getCell(0)).getIntValue();
            double val = ((DoubleValue)s.getCell(2)).getDoubleValue();
            assertThat(val).isPositive();
            assertThat(((DoubleValue)stats.get(it - 1).getCell(5)).getDoubleValue()).isEqualTo(val);
        }
        assertThat(stats.get(1).getCell(5).isMissing()).isTrue();
        assertThat(m.monitor().state().validationIterations()).containsExactly(1, 4, 6);
    }

    @Test
    void earlyStoppingEndsExecutedWithTheBestModelAndAWarning() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        VaeLearnerNodeModel m = tiny(40, 1);
        m.settings().m_validationShare.setDoubleValue(0.25);
        m.settings().m_earlyStopping.setBooleanValue(true);
        m.settings().m_patience.setIntValue(1);
        // no fall of the validation loss is that large: the run must stop at the second evaluation
        m.settings().m_minImprovement.setDoubleValue(1e6);
        PortObject[] out = StubNodes.run(m, exec, in);
        assertThat(StubNodes.warningMessage(m)).startsWith("Early stopping after 2 of 40 iterations");
        assertThat(((VaeModelPortObject)out[0]).getIterationsTrained()).isEqualTo(1);
        assertThat(((BufferedDataTable)out[1]).size()).isEqualTo(2);
        assertThat(m.monitor().state().message()).isEqualTo(StubNodes.warningMessage(m));
    }

    @Test
    void earlyStoppingWithoutValidationIsRefusedNamingTheSetting() {
        VaeLearnerNodeModel m = tiny(6, 3);
        m.settings().m_earlyStopping.setBooleanValue(true);
        assertThatThrownBy(() -> StubNodes.configure(m, KnimeFixtures.pixelSpec(8, 8)))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("\"Validation share\"");
    }

    @Test
    void continuingAModelAtTheOptionalPortEqualsOneUninterruptedRun() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        VaeModelPortObject first = (VaeModelPortObject)StubNodes.run(tiny(4, 0), exec, in)[0];
        VaeLearnerNodeModel cont = tiny(2, 0);
        // the architecture comes from the model: the dialog's other latent size does not matter
        cont.settings().m_latent.setIntValue(5);
        VaeModelPortObjectSpec spec = (VaeModelPortObjectSpec)StubNodes.configure(cont, in.getDataTableSpec(),
            first.getSpec())[0];
        assertThat(spec.getLatentSize()).isEqualTo(2);
        PortObject[] out = StubNodes.run(cont, exec, in, first);
        VaeModelPortObject resumed = (VaeModelPortObject)out[0];
        assertThat(resumed.getIterationsTrained()).isEqualTo(6);
        assertThat(StubContexts.rows((BufferedDataTable)out[1])).extracting(r -> ((IntValue)r.getCell(0))
            .getIntValue()).containsExactly(5, 6);
        VaeModelPortObject once = (VaeModelPortObject)StubNodes.run(tiny(6, 0), exec, in)[0];
        float[] images = new float[64 * 3];
        for (int i = 0; i < images.length; i++) {
            images[i] = i % 7 / 7f;
        }
        try (VaeModel a = resumed.openModel(); VaeModel b = once.openModel()) {
            assertThat(a.encode(images, 3).mean()).containsExactly(b.encode(images, 3).mean());
            assertThat(a.decode(new float[]{0.5f, -1f}, 1)).containsExactly(b.decode(new float[]{0.5f, -1f}, 1));
        }
    }

    @Test
    void aModelForOtherImagesIsRefusedAtConfigure() throws Exception {
        VaeLearnerNodeModel m = tiny(2, 0);
        VaeModelPortObjectSpec model = KnimeFixtures.tinyModel().getSpec();
        assertThatThrownBy(() -> StubNodes.configure(m, KnimeFixtures.pixelSpec(4, 4), model))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessage("The VAE model at the second input is for 8×8 images, the input table's are 4×4; connect "
                + "images of the model's size or disconnect the model.");
    }

    @Test
    void finishedRunIsShownAgainAfterSaveAndLoad(@TempDir final Path dir) throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 40);
        VaeLearnerNodeModel m = tiny(6, 2);
        StubNodes.run(m, exec, in);
        MonitorState before = m.monitor().state();
        File internals = dir.toFile();
        StubNodes.saveInternals(m, internals);
        VaeLearnerNodeModel loaded = new VaeLearnerNodeModel();
        StubNodes.loadInternals(loaded, internals);
        MonitorState after = loaded.monitor().state();
        assertThat(after.phase()).isEqualTo(MonitorState.Phase.FINISHED);
        assertThat(after.iterationsDone()).isEqualTo(6);
        assertThat(after.curves().loss()).containsExactly(before.curves().loss());
        assertThat(after.snapshot().samplesPng()).isEqualTo(before.snapshot().samplesPng());
        VaeLearnerNodeView view = (VaeLearnerNodeView)new VaeLearnerNodeFactory().createNodeView(0, loaded);
        StubNodes.openView(view);
        assertThat(view.panel().statusText()).startsWith("Finished · iteration 6 / 6");
        view.callCloseView();

        // reset forgets the run; internals of a workflow saved before the monitor existed: an empty view
        StubNodes.reset(loaded);
        assertThat(loaded.monitor().state().phase()).isEqualTo(MonitorState.Phase.IDLE);
        VaeLearnerNodeModel old = new VaeLearnerNodeModel();
        StubNodes.loadInternals(old, dir.resolve("empty").toFile());
        assertThat(old.monitor().state().phase()).isEqualTo(MonitorState.Phase.IDLE);
    }

    @Test
    void settingsSavedBeforeTheStopAndSnapshotOptionsLoadWithDefaults() throws Exception {
        VaeLearnerNodeModel m = tiny(6, 5);
        m.settings().m_validationShare.setDoubleValue(0.3);
        m.settings().m_earlyStopping.setBooleanValue(true);
        m.settings().m_timeLimitMinutes.setIntValue(9);
        // what the previous version saved: everything but the options added for the monitor
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StubNodes.saveSettings(VaeLearnerNodeModelTest.tiny()).saveToXML(bytes);
        String xml = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        for (String key : List.of("time_limit_minutes", "validation_share", "early_stopping",
            "early_stopping_patience", "early_stopping_min_improvement", "snapshot_every")) {
            xml = xml.replaceFirst("\\s*<config key=\"" + key + "_Internals\">(?s:.*?)</config>", "")
                .replaceFirst("\\s*<entry key=\"" + key + "\"[^>]*/>", "");
        }
        NodeSettings old = (NodeSettings)NodeSettings.loadFromXML(
            new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(old.containsKey("snapshot_every")).isFalse();
        assertThat(old.containsKey("early_stopping_Internals")).isFalse();
        assertThat(old.containsKey("iterations")).isTrue();
        StubNodes.loadSettings(m, old);
        assertThat(m.settings().m_snapshotEvery.getIntValue()).isEqualTo(3000);
        assertThat(m.settings().m_validationShare.getDoubleValue()).isZero();
        assertThat(m.settings().m_earlyStopping.getBooleanValue()).isFalse();
        assertThat(m.settings().m_timeLimitMinutes.getIntValue()).isZero();
        assertThat(m.settings().m_patience.getIntValue()).isEqualTo(3);
        assertThat(m.settings().run()).isEqualTo(org.vaenodes.engine.train.TrainingRun.DEFAULT);
        assertThat(StubNodes.configure(m, KnimeFixtures.pixelSpec(8, 8))).hasSize(3);
    }
}
