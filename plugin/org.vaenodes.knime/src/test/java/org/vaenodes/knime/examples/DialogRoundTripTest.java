package org.vaenodes.knime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.knime.nodes.encoder.VaeEncoderNodeFactory;
import org.vaenodes.knime.nodes.learner.VaeLearnerNodeFactory;
import org.vaenodes.knime.nodes.mnistreader.MnistReaderNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeFactory;
import org.vaenodes.knime.nodes.sampler.VaeSamplerNodeFactory;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodeContainer;
import org.vaenodes.knimestub.StubNodeContainer.State;
import org.vaenodes.knimestub.StubNodes;
import org.vaenodes.testing.SharedData;

/**
 * Opening a node's dialog and pressing OK without edits, as KNIME 5.5 handles it (StubNodeContainer): for a fresh
 * node, for an executed one, for every node of every example, and for each case recorded in a real KNIME 5.5.3
 * (shared/knime-real), where the stand-in's dialog must save exactly what KNIME's saved.
 */
class DialogRoundTripTest {

    private static DataTableSpec readerSpec;

    private static VaeModelPortObjectSpec defaultModelSpec;

    @BeforeAll
    static void specs() throws Exception {
        StubNodeContainer reader = StubNodeContainer.fresh(new MnistReaderNodeFactory());
        reader.configure();
        readerSpec = (DataTableSpec)StubNodes.configure(reader.model())[0];
        defaultModelSpec = new VaeModelPortObjectSpec(VaeConfig.defaults());
    }

    static Stream<NodeFactory<? extends NodeModel>> factories() {
        return Stream.of(new MnistReaderNodeFactory(), new VaeLearnerNodeFactory(), new VaeEncoderNodeFactory(),
            new VaeReconstructorNodeFactory(), new VaeSamplerNodeFactory());
    }

    /** The input specs of a node fed by the MNIST Reader and a Learner of {@code model}. */
    private static PortObjectSpec[] inputs(final NodeFactory<?> f, final PortObjectSpec model,
        final PortObjectSpec table) {
        if (f instanceof MnistReaderNodeFactory) {
            return new PortObjectSpec[0];
        }
        if (f instanceof VaeLearnerNodeFactory) {
            return new PortObjectSpec[]{table};
        }
        if (f instanceof VaeSamplerNodeFactory) {
            return new PortObjectSpec[]{model};
        }
        return new PortObjectSpec[]{model, table};
    }

    private static String xml(final NodeSettings settings) throws IOException {
        return new String(KnimeConfig.fromNodeSettings(settings, "model").toXml(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("factories")
    void untouchedOkOnAFreshNodeLeavesItsSettingsEqual(final NodeFactory<? extends NodeModel> factory)
        throws Exception {
        StubNodeContainer c = StubNodeContainer.fresh(factory);
        assertThat(c.configure(inputs(factory, defaultModelSpec, readerSpec))).as(c.configureError())
            .isEqualTo(State.CONFIGURED);
        NodeSettings before = c.settings();
        c.openDialog();
        assertThat(xml(c.dialogSettings())).isEqualTo(xml(before));
        assertThat(c.areDialogAndNodeSettingsEqual()).isTrue();
        c.applySettingsFromDialog();
        assertThat(c.state()).isEqualTo(State.CONFIGURED);
        assertThat(xml(c.settings())).isEqualTo(xml(before));
    }

    @Test
    void untouchedOkKeepsExecutedNodesExecuted() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        NodeSettings readerSettings = StubNodeContainer.fresh(new MnistReaderNodeFactory()).settings();
        readerSettings.addInt("max_rows", 40);
        StubNodeContainer reader = StubNodeContainer.loaded(new MnistReaderNodeFactory(), readerSettings);
        reader.configure();
        BufferedDataTable table = (BufferedDataTable)reader.execute(exec)[0];

        // as a workflow stores a Learner that was connected and then edited: settled on its input
        StubNodeContainer connected = StubNodeContainer.fresh(new VaeLearnerNodeFactory());
        connected.configure(table.getDataTableSpec());
        NodeSettings learnerSettings = connected.settings();
        learnerSettings.addInt("iterations", 2);
        learnerSettings.addInt("batch_size", 8);
        learnerSettings.addString("encoder_filters", "4,4,4");
        learnerSettings.addString("decoder_filters", "4,4,4");
        StubNodeContainer learner = StubNodeContainer.loaded(new VaeLearnerNodeFactory(), learnerSettings);
        learner.configure(table.getDataTableSpec());
        VaeModelPortObject model = (VaeModelPortObject)learner.execute(exec, table)[0];

        List<StubNodeContainer> nodes = new ArrayList<>(List.of(reader, learner));
        for (NodeFactory<? extends NodeModel> f : List.of(new VaeEncoderNodeFactory(),
            new VaeReconstructorNodeFactory(), new VaeSamplerNodeFactory())) {
            StubNodeContainer c = StubNodeContainer.fresh(f);
            c.configure(inputs(f, model.getSpec(), table.getDataTableSpec()));
            PortObject[] in = f instanceof VaeSamplerNodeFactory ? new PortObject[]{model}
                : new PortObject[]{model, table};
            c.execute(exec, in);
            nodes.add(c);
        }
        for (StubNodeContainer c : nodes) {
            assertThat(c.state()).isEqualTo(State.EXECUTED);
            c.openDialog();
            assertThat(c.areDialogAndNodeSettingsEqual()).as(c.model().getClass().getSimpleName()).isTrue();
            c.applySettingsFromDialog();
            assertThat(c.state()).as(c.model().getClass().getSimpleName()).isEqualTo(State.EXECUTED);
        }
    }

    /** Factories of the nodes that read images from a table. */
    static Stream<NodeFactory<? extends NodeModel>> imageNodes() {
        return Stream.of(new VaeLearnerNodeFactory(), new VaeEncoderNodeFactory(), new VaeReconstructorNodeFactory());
    }

    /** A table as Read Images gives it: a path and a PNG column, no pixel columns. */
    private static DataTableSpec pngOnlySpec() {
        return new DataTableSpec(new String[]{"path", "image"},
            new org.knime.core.data.DataType[]{org.knime.core.data.def.StringCell.TYPE,
                org.knime.core.data.image.png.PNGImageCellFactory.TYPE});
    }

    @ParameterizedTest
    @MethodSource("imageNodes")
    void untouchedOkOnANodeReadingAPngColumnLeavesItsSettingsEqual(final NodeFactory<? extends NodeModel> factory)
        throws Exception {
        // fresh (automatic choice), then with every image input setting changed from its default, as a workflow
        // stores a node that was connected and then edited (its filter settled on the input)
        StubNodeContainer fresh = StubNodeContainer.fresh(factory);
        StubNodeContainer connected = StubNodeContainer.fresh(factory);
        connected.configure(inputs(factory, defaultModelSpec, pngOnlySpec()));
        NodeSettings edited = connected.settings();
        edited.addString("image_input", "image_column");
        edited.addString("image_column", "image");
        edited.addBoolean("resize_images", factory instanceof VaeLearnerNodeFactory);
        for (StubNodeContainer c : List.of(fresh, StubNodeContainer.loaded(factory, edited))) {
            assertThat(c.configure(inputs(factory, defaultModelSpec, pngOnlySpec()))).as(c.configureError())
                .isEqualTo(State.CONFIGURED);
            NodeSettings before = c.settings();
            c.openDialog();
            assertThat(xml(c.dialogSettings())).isEqualTo(xml(before));
            assertThat(c.areDialogAndNodeSettingsEqual()).isTrue();
            c.applySettingsFromDialog();
            assertThat(c.state()).isEqualTo(State.CONFIGURED);
            assertThat(xml(c.settings())).isEqualTo(xml(before));
        }
        assertThat(fresh.settings().getString("image_input")).isEqualTo("auto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vae-learner", "vae-encoder", "vae-reconstructor"})
    void settingsOfTheLastVersionLoadWithTheImageInputDefaultsAndReadThePixelColumns(final String recordedCase)
        throws Exception {
        Path fresh = SharedData.knimeRealDir().resolve(recordedCase + "-fresh.settings.xml");
        NodeSettings old = recordedModel(fresh);
        assertThat(old.containsKey("image_input")).isFalse();
        NodeFactory<? extends NodeModel> f = factory(recordedFactory(fresh));
        NodeModel m = f.createNodeModel();
        StubNodes.loadSettings(m, old);
        NodeSettings now = StubNodes.saveSettings(m);
        assertThat(now.getString("image_input")).isEqualTo("auto");
        assertThat(now.getString("image_column")).isEmpty();
        assertThat(now.getBoolean("resize_images")).isEqualTo(!(f instanceof VaeLearnerNodeFactory));
        StubNodeContainer c = StubNodeContainer.loaded(f, old);
        assertThat(c.configure(inputs(f, defaultModelSpec, readerSpec))).as(c.configureError())
            .isEqualTo(State.CONFIGURED);
    }

    /** Our nodes of one example, in workflow order, by folder name. */
    private static Map<String, NodeSettings> ourNodes(final String example) throws IOException {
        Path file = ProjectInfo.read().examplesDir().resolve(example);
        Map<String, NodeSettings> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : ExampleWorkflowsTest.unzip(Files.readAllBytes(file)).entrySet()) {
            if (e.getKey().endsWith("/settings.xml")) {
                try (InputStream in = new ByteArrayInputStream(e.getValue())) {
                    NodeSettings s = (NodeSettings)NodeSettings.loadFromXML(in);
                    if (s.getString("factory", "").startsWith("org.vaenodes.")) {
                        nodes.put(e.getKey(), s);
                    }
                }
            }
        }
        return nodes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAE_on_MNIST.knwf", "VAE_Latent_Space.knwf", "VAE_Own_IDX_Data.knwf",
        "VAE_Anomaly_Detection.knwf"})
    void untouchedOkOnEveryNodeOfAnExampleLeavesItsSettingsEqual(final String example) throws Exception {
        Map<String, NodeSettings> nodes = ourNodes(example);
        // the reader and the learner first: their outputs are the others' inputs
        PortObjectSpec table = null;
        PortObjectSpec model = null;
        List<Map.Entry<String, NodeSettings>> ordered = new ArrayList<>(nodes.entrySet());
        ordered.sort((a, b) -> rank(a.getValue()) - rank(b.getValue()));
        int checked = 0;
        for (Map.Entry<String, NodeSettings> e : ordered) {
            NodeFactory<? extends NodeModel> f = factory(e.getValue().getString("factory"));
            StubNodeContainer c = StubNodeContainer.loaded(f, e.getValue().getNodeSettings("model"));
            assertThat(c.configure(inputs(f, model, table))).as("%s: %s", e.getKey(), c.configureError())
                .isEqualTo(State.CONFIGURED);
            if (f instanceof MnistReaderNodeFactory) {
                table = StubNodes.configure(c.model())[0];
            } else if (f instanceof VaeLearnerNodeFactory) {
                model = StubNodes.configure(c.model(), table)[0];
            }
            c.openDialog();
            assertThat(xml(c.dialogSettings())).as(e.getKey()).isEqualTo(xml(c.settings()));
            assertThat(c.areDialogAndNodeSettingsEqual()).as(e.getKey()).isTrue();
            c.applySettingsFromDialog();
            assertThat(c.state()).as(e.getKey()).isEqualTo(State.CONFIGURED);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    private static int rank(final NodeSettings s) {
        String f = s.getString("factory", "");
        return f.endsWith("MnistReaderNodeFactory") ? 0 : f.endsWith("VaeLearnerNodeFactory") ? 1 : 2;
    }

    @SuppressWarnings("unchecked")
    private static NodeFactory<? extends NodeModel> factory(final String name) throws ReflectiveOperationException {
        return (NodeFactory<? extends NodeModel>)Class.forName(name).getDeclaredConstructor().newInstance();
    }

    // ------------------------------------------------------------------ recorded in real KNIME 5.5.3

    private static NodeSettings recordedModel(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            NodeSettingsRO all = NodeSettings.loadFromXML(in);
            NodeSettings model = new NodeSettings("model");
            ((NodeSettings)all.getNodeSettings("model")).copyTo(model);
            return model;
        } catch (org.knime.core.node.InvalidSettingsException e) {
            throw new IOException(file + " has no model settings", e);
        }
    }

    private static String recordedFactory(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in).getString("factory", null);
        }
    }

    private static String fact(final String stateTxt, final String regex) {
        Matcher m = Pattern.compile(regex).matcher(stateTxt);
        assertThat(m.find()).as("recording has %s", regex).isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist-reader", "vae-learner", "vae-encoder", "vae-reconstructor", "vae-sampler",
        "probe-learner-unset-filter", "probe-learner-pattern-px", "probe-encoder-pattern-px"})
    void standInDialogSavesWhatRealKnimeSaved(final String recordedCase) throws Exception {
        Path dir = SharedData.knimeRealDir();
        Path fresh = dir.resolve(recordedCase + "-fresh.settings.xml");
        String state = Files.readString(dir.resolve(recordedCase + "-dialog-ok.state.txt"));
        NodeFactory<? extends NodeModel> f = factory(recordedFactory(fresh));
        StubNodeContainer c = StubNodeContainer.loaded(f, recordedModel(fresh));
        c.configure(inputs(f, defaultModelSpec, readerSpec));
        c.openDialog();

        NodeSettings dialog = c.dialogSettings();
        assertThat(withoutSettingsAddedSinceTheRecording(dialog, f)).as("settings the dialog saves on an untouched OK")
            .isEqualTo(xml(recordedModel(dir.resolve(recordedCase + "-dialog-ok.settings.xml"))));
        assertThat(c.areDialogAndNodeSettingsEqual())
            .isEqualTo(Boolean.parseBoolean(fact(state, "areDialogAndNodeSettingsEqual=(\\w+)")));
        c.applySettingsFromDialog();
        assertThat(c.state().name()).isEqualTo(fact(state, "\\[after OK\\] state: (\\w+)"));
        if (c.state() == State.IDLE) {
            assertThat(c.configureError()).isEqualTo(fact(state, "\\[after OK\\] state: IDLE, message WARNING: \"(.*)\""));
        }
    }

    /** Settings the Learner gained after the recordings of real KNIME were made (issue 12). */
    static final List<String> LEARNER_SETTINGS_ADDED_LATER = List.of("time_limit_minutes", "validation_share",
        "early_stopping", "early_stopping_patience", "early_stopping_min_improvement", "snapshot_every");

    /**
     * Settings the nodes got after the recording: each image node's image input (issue 13), saved first; the
     * Learner's also image_channels and its stopping and snapshot settings (issue 12).
     */
    private static final List<String> ADDED_SINCE_RECORDING = List.of("image_input", "image_column", "resize_images");

    /**
     * The dialog's save without the settings added since the recording, after checking that an untouched OK saved
     * them with the node's defaults (what KNIME's dialog would save for settings its stored ones lack).
     */
    private static String withoutSettingsAddedSinceTheRecording(final NodeSettings dialog, final NodeFactory<?> f)
        throws Exception {
        String xml = xml(dialog);
        if (f instanceof MnistReaderNodeFactory || f instanceof VaeSamplerNodeFactory) {
            return xml;
        }
        assertThat(dialog.getString("image_input")).isEqualTo("auto");
        assertThat(dialog.getString("image_column")).isEmpty();
        assertThat(dialog.getBoolean("resize_images")).isEqualTo(!(f instanceof VaeLearnerNodeFactory));
        List<String> added = new ArrayList<>(ADDED_SINCE_RECORDING);
        if (f instanceof VaeLearnerNodeFactory) {
            assertThat(dialog.getString("image_channels")).isEqualTo("auto");
            added.add("image_channels");
            // and its stopping and snapshot settings (issue 12), with the defaults that keep the old behaviour
            assertThat(dialog.getInt("time_limit_minutes")).isZero();
            assertThat(dialog.getDouble("validation_share")).isZero();
            assertThat(dialog.getBoolean("early_stopping")).isFalse();
            assertThat(dialog.getInt("snapshot_every")).isEqualTo(3000);
            added.addAll(LEARNER_SETTINGS_ADDED_LATER);
        }
        for (String key : added) {
            String before = xml;
            xml = xml.replaceFirst("(?s)\\s*<config key=\"" + key + "_Internals\">.*?</config>", "")
                .replaceFirst("\\s*<entry key=\"" + key + "\" [^>]*/>", "");
            assertThat(xml).as(key).isNotEqualTo(before);
        }
        return xml;
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAE_on_MNIST", "VAE_Latent_Space", "VAE_Own_IDX_Data"})
    void examplesOfTheLastVersionAsKnimeResavedThemStillLoadAndSelectThePixelColumns(final String example)
        throws Exception {
        Path zip = SharedData.knimeRealDir().resolve(example + "-resaved-by-knime-5.5.3.zip");
        int ours = 0;
        for (Map.Entry<String, byte[]> e : ExampleWorkflowsTest.unzip(Files.readAllBytes(zip)).entrySet()) {
            if (!e.getKey().endsWith("/settings.xml")) {
                continue;
            }
            NodeSettings s;
            try (InputStream in = new ByteArrayInputStream(e.getValue())) {
                s = (NodeSettings)NodeSettings.loadFromXML(in);
            }
            String name = s.getString("factory", "");
            if (!name.startsWith("org.vaenodes.")) {
                continue;
            }
            NodeFactory<? extends NodeModel> f = factory(name);
            StubNodeContainer c = StubNodeContainer.loaded(f, s.getNodeSettings("model"));
            if (!(f instanceof MnistReaderNodeFactory || f instanceof VaeSamplerNodeFactory)) {
                // the unset filter of the last version means the px_ columns, as it did then
                assertThat(c.configure(inputs(f, defaultModelSpec, readerSpec))).as("%s: %s", e.getKey(),
                    c.configureError()).isEqualTo(State.CONFIGURED);
            }
            ours++;
        }
        assertThat(ours).isGreaterThanOrEqualTo(4);
    }
}
