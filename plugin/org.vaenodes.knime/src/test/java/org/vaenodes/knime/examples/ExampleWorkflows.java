package org.vaenodes.knime.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.knime.nodes.encoder.VaeEncoderNodeFactory;
import org.vaenodes.knime.nodes.learner.VaeLearnerNodeFactory;
import org.vaenodes.knime.nodes.mnistreader.MnistReaderNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeModel;
import org.vaenodes.knime.nodes.sampler.VaeSamplerNodeFactory;
import org.vaenodes.knimestub.StubNodes;

/**
 * Generates the example workflows in {@code examples/}. Every node of ours gets the {@code model} settings its
 * NodeModel writes: the model is created through its factory, the few non-default values are put into the
 * settings it saved, the result goes through {@code validateSettings} + {@code loadValidatedSettingsFrom}, and
 * node is configured along the workflow with the stand-in, and what {@code saveSettingsTo} writes after that
 * configure is stored: configure settles the pixel column filter on its input as KNIME's dialog would save it, so
 * an untouched OK in KNIME leaves the stored settings equal. A node is stored {@code CONFIGURED} only when
 * configure succeeds (FORMAT.md §5.2).
 *
 * <p>Run {@link #main} (or the test with {@code -Dvaenodes.examples.update=true}) to rewrite {@code examples/}.
 */
public final class ExampleWorkflows {

    /** File names of the archives, in order. */
    static final List<String> FILES = List.of("VAE_on_MNIST.knwf", "VAE_Latent_Space.knwf", "VAE_Own_IDX_Data.knwf",
        "VAE_Anomaly_Detection.knwf");

    // KNIME's own view nodes: factories, bundle and feature as KNIME 5.5 writes them (FORMAT.md §7; observed in
    // KGW-TF/Versions_Extended/Current Version/*, saved by 5.5.0).
    private static final String KNIME_VENDOR = "KNIME AG, Zurich, Switzerland";

    private static final String KNIME_VIEWS_VERSION = "5.5.0.v202504101037";

    static Workflow.NodeOrigin knimeView(final String factory, final String name) {
        return new Workflow.NodeOrigin(factory, name, "KNIME Views", "org.knime.base.views", KNIME_VENDOR,
            KNIME_VIEWS_VERSION, "KNIME Views", "org.knime.features.base.views.feature.group", KNIME_VENDOR,
            KNIME_VIEWS_VERSION);
    }

    static final String TABLE_VIEW = "org.knime.base.views.node.tableview.TableViewNodeFactory";

    // KNIME Base nodes (bundle org.knime.base; FORMAT.md §7, validate's list of known factories). The feature is
    // left unknown (null, 0.0.0), which FORMAT.md §5 allows.
    static final String ROW_FILTER = "org.knime.base.node.preproc.filter.row3.RowFilterNodeFactory";

    static final String SORTER = "org.knime.base.node.preproc.sorter.SorterNodeFactory";

    static Workflow.NodeOrigin knimeBase(final String factory, final String name) {
        return new Workflow.NodeOrigin(factory, name, "KNIME Base Nodes", "org.knime.base", KNIME_VENDOR,
            KNIME_VIEWS_VERSION, null, null, null, "0.0.0");
    }

    static final String LINE_PLOT = "org.knime.base.views.node.lineplot.LinePlotNodeFactory";

    static final String SCATTER_PLOT = "org.knime.base.views.node.scatterplot.ScatterPlotNodeFactory";

    private static final int YELLOW = 16770765;

    private static final int BLUE = 14349055;

    private static final int GREEN = 14741476;

    private final ProjectInfo m_info;

    ExampleWorkflows(final ProjectInfo info) {
        m_info = info;
    }

    /** Writes the examples into {@code <repository>/examples}. */
    public static void main(final String[] args) throws Exception {
        ProjectInfo info = ProjectInfo.read();
        Path dir = args.length > 0 ? Path.of(args[0]) : info.examplesDir();
        for (Map.Entry<String, byte[]> e : new ExampleWorkflows(info).archives().entrySet()) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(e.getKey()), e.getValue());
            System.out.println("wrote " + dir.resolve(e.getKey()));
        }
    }

    /** File name of each example → the workflow. */
    Map<String, Workflow> workflows() throws Exception {
        Map<String, Workflow> m = new LinkedHashMap<>();
        m.put(FILES.get(0), quickStart());
        m.put(FILES.get(1), latentSpace());
        m.put(FILES.get(2), ownIdxData());
        m.put(FILES.get(3), anomalyDetection());
        return m;
    }

    /** File name → .knwf bytes; the folder inside is the file name without ".knwf". */
    Map<String, byte[]> archives() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Workflow> e : workflows().entrySet()) {
            m.put(e.getKey(), e.getValue().knwf(folderName(e.getKey())));
        }
        return m;
    }

    static String folderName(final String knwf) {
        return knwf.substring(0, knwf.length() - ".knwf".length());
    }

    // ------------------------------------------------------------------ our nodes

    /** A node of ours with its model and the specs it announced on configure. */
    private final class Ours {
        final NodeFactory<? extends NodeModel> m_factory;

        final NodeModel m_model;

        NodeSettings m_settings;

        PortObjectSpec[] m_outSpecs;

        Ours(final NodeFactory<? extends NodeModel> factory, final Consumer<NodeSettings> changes)
            throws InvalidSettingsException {
            m_factory = factory;
            m_model = factory.createNodeModel();
            NodeSettings s = StubNodes.saveSettings(m_model);
            changes.accept(s);
            StubNodes.loadSettings(m_model, s);
            m_settings = StubNodes.saveSettings(m_model);
        }

        /** Configures with the given input specs; {@code false} (IDLE) if the node cannot be configured. */
        boolean configure(final PortObjectSpec... in) {
            try {
                m_outSpecs = StubNodes.configure(m_model, in);
                m_settings = StubNodes.saveSettings(m_model);
                return true;
            } catch (InvalidSettingsException e) {
                m_outSpecs = null;
                return false;
            }
        }

        DataTableSpec table(final int port) {
            return (DataTableSpec)m_outSpecs[port - 1];
        }

        Workflow.WfNode addTo(final Workflow wf, final int x, final int y) throws IOException {
            Workflow.WfNode n = wf.add(m_info.origin(m_factory.getClass().getName(), nodeName(m_factory)),
                KnimeConfig.fromNodeSettings(m_settings, "model"), StubNodes.nrOutPorts(m_model), x, y);
            n.m_state = m_outSpecs != null ? "CONFIGURED" : "IDLE";
            return n;
        }
    }

    /** The node name from the factory's node description ({@code <Factory>.xml} next to the class). */
    static String nodeName(final NodeFactory<?> factory) throws IOException {
        String res = factory.getClass().getSimpleName() + ".xml";
        try (InputStream in = factory.getClass().getResourceAsStream(res)) {
            if (in == null) {
                throw new IOException("No node description " + res + " for " + factory.getClass().getName());
            }
            Matcher m = Pattern.compile("<name>\\s*([^<]+?)\\s*</name>")
                .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IOException("No <name> in " + res);
            }
            return m.group(1);
        }
    }

    /** Node labels and view titles of {@link #trainReconstructSample}. */
    private record PipelineLabels(String reader, String learner, String reconstructor, String tableTitle,
        String sampler, String samples) {
    }

    /**
     * The pipeline both training examples share: MNIST Reader (with {@code readerSettings}) → VAE Learner (2,000
     * iterations) → VAE Reconstructor → Table View of originals and reconstructions; VAE Sampler (64 images) →
     * Table View; Learner statistics → Line Plot of the loss.
     */
    private void trainReconstructSample(final Workflow wf, final Consumer<NodeSettings> readerSettings,
        final PipelineLabels labels) throws IOException, InvalidSettingsException {
        Ours reader = new Ours(new MnistReaderNodeFactory(), readerSettings);
        reader.configure();
        Ours learner = new Ours(new VaeLearnerNodeFactory(), s -> s.addInt("iterations", 2000));
        learner.configure(reader.table(1));
        Ours recon = new Ours(new VaeReconstructorNodeFactory(), s -> { });
        recon.configure(specs(learner, 1, reader, 1));
        Ours sampler = new Ours(new VaeSamplerNodeFactory(), s -> s.addInt("count", 64));
        sampler.configure(learner.m_outSpecs == null ? null : learner.m_outSpecs[0]);

        Workflow.WfNode nReader = reader.addTo(wf, 80, 220);
        nReader.m_label = labels.reader();
        Workflow.WfNode nLearner = learner.addTo(wf, 300, 220);
        nLearner.m_label = labels.learner();
        Workflow.WfNode nRecon = recon.addTo(wf, 560, 120);
        nRecon.m_label = labels.reconstructor();
        Workflow.WfNode nTable = tableView(wf, recon.table(1),
            List.of("label", "image", "reconstruction", "reconstruction_error"), labels.tableTitle(), 800, 120);
        nTable.m_label = "Originals vs. reconstructions";
        Workflow.WfNode nSampler = sampler.addTo(wf, 560, 300);
        nSampler.m_label = labels.sampler();
        Workflow.WfNode nSamples = tableView(wf, sampler.table(1), List.of("image"), labels.samples(), 800, 300);
        nSamples.m_label = labels.samples();
        Workflow.WfNode nLoss = linePlot(wf, learner.table(2), "iteration", List.of("loss", "reconstruction", "kl"),
            "Training loss", 560, 460);
        nLoss.m_label = "Loss per iteration";

        wf.connect(nReader, 1, nLearner, 1);
        wf.connect(nLearner, 1, nRecon, 1);
        wf.connect(nReader, 1, nRecon, 2);
        wf.connect(nRecon, 1, nTable, 1);
        wf.connect(nLearner, 1, nSampler, 1);
        wf.connect(nSampler, 1, nSamples, 1);
        wf.connect(nLearner, 2, nLoss, 1);
    }

    private static PortObjectSpec[] specs(final Ours model, final int modelPort, final Ours table,
        final int tablePort) {
        return new PortObjectSpec[]{model.m_outSpecs == null ? null : model.m_outSpecs[modelPort - 1],
            table == null || table.m_outSpecs == null ? null : table.m_outSpecs[tablePort - 1]};
    }

    // ------------------------------------------------------------------ KNIME's view nodes

    private static void requireColumns(final DataTableSpec spec, final List<String> columns, final String where) {
        for (String c : columns) {
            if (spec == null || !spec.containsName(c)) {
                throw new IllegalStateException(where + ": column \"" + c + "\" is not in the input table");
            }
        }
    }

    /** A 5.x Table View showing the given columns (settings keys as KNIME 5.5 writes them). */
    private static Workflow.WfNode tableView(final Workflow wf, final DataTableSpec in, final List<String> columns,
        final String title, final int x, final int y) {
        requireColumns(in, columns, "Table View \"" + title + "\"");
        Workflow.WfNode n = wf.add(knimeView(TABLE_VIEW, "Table View"), new KnimeConfig("model"), 0, x, y);
        KnimeConfig v = new KnimeConfig("view");
        columnFilter(v.config("displayedColumnsV2"), columns, List.of());
        v.bool("showRowIndices", false);
        v.bool("showRowKeys", true);
        v.string("title", title);
        v.bool("showTableSize", true);
        v.bool("showColumnDataType", true);
        v.bool("enablePagination", false);
        v.integer("pageSize", 10);
        v.string("autoSizeColumnsToContent", "FIXED");
        v.string("rowHeightModeV2", "AUTO");
        v.integer("customRowHeight", 80);
        v.integer("maxAutoRowHeight", 120);
        v.string("verticalPaddingMode", "DEFAULT");
        v.bool("enableGlobalSearch", true);
        v.bool("enableColumnSearch", true);
        v.bool("enableSortingByHeader", true);
        v.bool("enableRendererSelection", true);
        v.bool("enableCellCopying", true);
        v.string("selectionMode", "EDIT");
        v.bool("showOnlySelectedRows", false);
        v.bool("showOnlySelectedRowsConfigurable", true);
        v.bool("skipRemainingColumns_Internals", false);
        v.bool("enableDataValueViews_Internals", false);
        v.string("rowLabel_Internals", "Rows");
        v.bool("showColumnCount_Internals", true);
        n.m_view = v;
        return n;
    }

    private static void columnFilter(final KnimeConfig f, final List<String> selected,
        final List<String> deselected) {
        f.string("mode", "MANUAL");
        KnimeConfig pattern = f.config("patternFilter");
        pattern.string("pattern", "");
        pattern.bool("isCaseSensitive", false);
        pattern.bool("isInverted", false);
        KnimeConfig manual = f.config("manualFilter");
        manual.stringArray("manuallySelected", selected);
        manual.stringArray("manuallyDeselected", deselected);
        manual.bool("includeUnknownColumns", false);
        f.config("typeFilter").stringArray("selectedTypes", List.of());
    }

    /** The image settings Line Plot and Scatter Plot keep in {@code model} (no image output port). */
    private static KnimeConfig plotModel() {
        KnimeConfig m = new KnimeConfig("model");
        m.bool("generateImage", false);
        m.string("imageFormat", "SVG");
        m.integer("width", 800);
        m.integer("height", 600);
        return m;
    }

    private static void axisLimits(final KnimeConfig v) {
        KnimeConfig lim = v.config("manualAxisLimits");
        lim.dbl("xAxisManualMin", 0.0);
        lim.dbl("xAxisManualMax", 100.0);
        lim.dbl("yAxisManualMin", 0.0);
        lim.dbl("yAxisManualMax", 100.0);
    }

    private static Workflow.WfNode linePlot(final Workflow wf, final DataTableSpec in, final String x,
        final List<String> ys, final String title, final int px, final int py) {
        List<String> all = new ArrayList<>(ys);
        all.add(x);
        requireColumns(in, all, "Line Plot");
        Workflow.WfNode n = wf.add(knimeView(LINE_PLOT, "Line Plot"), plotModel(), 0, px, py);
        KnimeConfig v = new KnimeConfig("view");
        KnimeConfig xc = v.config("xAxisColumnV3");
        xc.string("regularChoice", x);
        xc.string("specialChoice_Internals", null);
        List<String> others = new ArrayList<>();
        for (String c : in.getColumnNames()) {
            if (!ys.contains(c) && !c.equals(x)) {
                others.add(c);
            }
        }
        columnFilter(v.config("yAxisColumnV2"), ys, others);
        v.integer("maxRows", 2500);
        v.string("title", title);
        v.string("axisExtentMethod", "AUTO");
        axisLimits(v);
        v.bool("useCustomXAxisLabel", false);
        v.string("customXAxisLabel", null);
        v.bool("useCustomYAxisLabel", false);
        v.string("customYAxisLabel", null);
        v.string("yAxisScale", "VALUE");
        v.integer("lineSize", 2);
        v.bool("showDataPointMarkers", false);
        v.integer("dataPointMarkerSize", 5);
        v.string("timeFormat", "");
        v.bool("showLegend", true);
        v.bool("allowImageDownload", true);
        v.bool("enableDataZoom", true);
        v.bool("showTooltip", true);
        v.bool("enableAnimation", true);
        n.m_view = v;
        n.m_viewVariables = true;
        n.m_creationConfig = true;
        return n;
    }

    private static Workflow.WfNode scatterPlot(final Workflow wf, final DataTableSpec in, final String x,
        final String y, final String color, final int maxRows, final String title, final int px, final int py) {
        requireColumns(in, List.of(x, y, color), "Scatter Plot");
        Workflow.WfNode n = wf.add(knimeView(SCATTER_PLOT, "Scatter Plot"), plotModel(), 0, px, py);
        KnimeConfig v = new KnimeConfig("view");
        v.string("xAxisColumnV3", x);
        v.string("yAxisColumnV3", y);
        KnimeConfig cc = v.config("colorColumnV2");
        cc.string("regularChoice", color);
        cc.string("specialChoice_Internals", null);
        v.integer("maxRows", maxRows);
        v.string("title", title);
        v.string("axisExtentMethod", "AUTO");
        axisLimits(v);
        v.bool("useCustomXAxisLabel", false);
        v.string("customXAxisLabel", null);
        v.string("xAxisScale", "VALUE");
        v.bool("useCustomYAxisLabel", false);
        v.string("customYAxisLabel", null);
        v.string("yAxisScale", "VALUE");
        v.integer("dataPointSize", 5);
        v.bool("showLegend", true);
        v.bool("allowImageDownload", true);
        v.bool("enableDataZoom", true);
        v.bool("showTooltip", true);
        v.string("selectionMode", "EDIT");
        v.config("referenceLines");
        v.bool("enableAnimation", true);
        n.m_view = v;
        n.m_creationConfig = true;
        return n;
    }

    // ------------------------------------------------------------------ KNIME's base nodes

    /**
     * Row Filter (the 5.x node) keeping the rows whose int column {@code column} equals {@code value}. The
     * settings are those of its DefaultNodeSettings class as knime-base 5.4/5.5 persists them (field names without
     * {@code m_}; the comparison value a DynamicValuesInput: typeIdentifier = the cell's data type, value as xint,
     * inputKind SINGLE; the column a ColumnSelection with its hidden compatibleTypes_Internals). Later versions
     * migrate this layout (its legacy filter parameters).
     */
    private static Workflow.WfNode rowFilterIntEquals(final Workflow wf, final DataTableSpec in, final String column,
        final int value, final int x, final int y) {
        requireColumns(in, List.of(column), "Row Filter");
        KnimeConfig m = new KnimeConfig("model");
        m.string("outputMode", "MATCHING");
        m.string("matchCriteria", "AND");
        KnimeConfig criterion = m.config("predicates").config("0");
        KnimeConfig col = criterion.config("column");
        col.string("selected", column);
        col.stringArray("compatibleTypes_Internals", List.of("org.knime.core.data.IntValue",
            "org.knime.core.data.DataValue", "org.knime.core.data.DoubleValue", "org.knime.core.data.LongValue",
            "org.knime.core.data.ComplexNumberValue", "org.knime.core.data.FuzzyNumberValue",
            "org.knime.core.data.FuzzyIntervalValue", "org.knime.core.data.BoundedValue"));
        criterion.string("operator", "EQ");
        KnimeConfig values = criterion.config("predicateValues");
        KnimeConfig v0 = values.config("values").config("0");
        KnimeConfig type = v0.config("typeIdentifier");
        type.string("cell_class", "org.knime.core.data.def.IntCell");
        type.bool("is_null", false);
        v0.integer("value", value);
        values.string("inputKind", "SINGLE");
        m.string("domains", "RETAIN");
        return wf.add(knimeBase(ROW_FILTER, "Row Filter"), m, 1, x, y);
    }

    /**
     * Sorter by one column. The keys are the classic Sorter's ({@code incllist}, {@code sortOrder},
     * {@code alphaNumStringComp}; {@code missingToEnd}, {@code sortinmemory}), which the 5.3+ Sorter loads through its
     * own migration (SorterNodeSettings.LoadDeprecatedSortingCriterionArraySettings), so every 5.x release reads them.
     */
    private static Workflow.WfNode sorter(final Workflow wf, final DataTableSpec in, final String column,
        final boolean ascending, final int x, final int y) {
        requireColumns(in, List.of(column), "Sorter");
        KnimeConfig m = new KnimeConfig("model");
        m.stringArray("incllist", List.of(column));
        KnimeConfig order = m.config("sortOrder");
        order.integer("array-size", 1);
        order.bool("0", ascending);
        KnimeConfig alpha = m.config("alphaNumStringComp");
        alpha.integer("array-size", 1);
        alpha.bool("0", false);
        m.bool("missingToEnd", true);
        m.bool("sortinmemory", false);
        return wf.add(knimeBase(SORTER, "Sorter"), m, 1, x, y);
    }

    // ------------------------------------------------------------------ the workflows

    private Workflow quickStart() throws Exception {
        Workflow wf = new Workflow("VAE on MNIST",
            "Quick start for the VAE nodes. The MNIST Reader loads the 10,000 handwritten digits of the built-in "
                + "MNIST test set (28x28 pixels, no download). The VAE Learner trains the seed architecture (three "
                + "4x4 convolutions, 8 latent dimensions) for 2,000 iterations, a few minutes on a laptop CPU. The "
                + "VAE Reconstructor runs every image through encoder and decoder; the Table View shows originals "
                + "next to their reconstructions and the per-image error. The VAE Sampler decodes 64 random latent "
                + "vectors into new digits, and the Line Plot shows how the loss fell during training. Execute the "
                + "workflow with Execute All (Shift+F7), then open the views.",
            List.of("VAE", "variational autoencoder", "MNIST", "deep learning", "generative model", "images"));
        trainReconstructSample(wf, s -> { }, new PipelineLabels("Built-in MNIST test set",
            "Seed VAE, 2,000 iterations", "Encode + decode every image", "Originals and reconstructions",
            "64 new digits", "Generated digits"));

        wf.annotate("VAE on MNIST: quick start\n\n"
            + "Train a variational autoencoder (VAE) on handwritten digits, then look at what it learned.\n"
            + "Run everything with Execute All (Shift+F7); training takes a few minutes on a laptop CPU.",
            20, 20, 900, 70, BLUE);
        wf.annotate("1. Data and training\n\n"
            + "MNIST Reader: the 10,000 digits of the built-in MNIST test set as a table (label, PNG image, "
            + "784 pixel columns px_0 ... px_783 scaled to [0, 1]). No download needed.\n\n"
            + "VAE Learner: trains the seed architecture (conv 64-64-64, latent size 8) for 2,000 iterations "
            + "of 64 images. Output 1 is the model, output 2 the loss per iteration.",
            20, 340, 440, 170, YELLOW);
        wf.annotate("2. Reconstruct\n\n"
            + "VAE Reconstructor: encodes each image and decodes it again. The Table View shows the original "
            + "(image), the reconstruction and the reconstruction error side by side. Its second output is one "
            + "picture of the first 16 originals above their reconstructions (right-click the node to open it).",
            980, 60, 330, 140, GREEN);
        wf.annotate("3. Generate and inspect\n\n"
            + "VAE Sampler: decodes 64 random latent vectors into new digits (a table with one image per row, "
            + "shown in the Table View). Its second output is the 8-column image grid of all samples: "
            + "right-click the Sampler and open the image output.\n\n"
            + "Line Plot: total loss, reconstruction term and KL term per iteration.",
            980, 250, 330, 200, GREEN);
        return wf;
    }

    private Workflow latentSpace() throws Exception {
        Workflow wf = new Workflow("VAE Latent Space",
            "A VAE with a two-dimensional latent space, so that the latent space can be looked at directly. The "
                + "VAE Learner trains on the built-in MNIST test set with latent size 2; the VAE Encoder maps "
                + "every image to the mean of its latent distribution (z_mean_0, z_mean_1), and the Scatter Plot "
                + "shows the 10,000 points coloured by digit label: similar digits form clusters. The VAE Sampler "
                + "walks a regular 10x10 grid over both latent dimensions (traversal) and decodes each point, "
                + "which shows how the digits change smoothly across the latent space.",
            List.of("VAE", "latent space", "MNIST", "visualization", "deep learning"));
        Ours reader = new Ours(new MnistReaderNodeFactory(), s -> { });
        reader.configure();
        Ours learner = new Ours(new VaeLearnerNodeFactory(), s -> {
            s.addInt("latent_size", 2);
            s.addInt("iterations", 2000);
        });
        learner.configure(reader.table(1));
        Ours encoder = new Ours(new VaeEncoderNodeFactory(), s -> { });
        encoder.configure(specs(learner, 1, reader, 1));
        Ours sampler = new Ours(new VaeSamplerNodeFactory(), s -> {
            s.addString("mode", "traversal");
            s.addInt("traversal_dim_x", 0);
            s.addInt("traversal_dim_y", 1);
            s.addInt("traversal_steps", 10);
            s.addDouble("traversal_range", 2.5);
            s.addInt("grid_columns", 10);
        });
        sampler.configure(learner.m_outSpecs == null ? null : learner.m_outSpecs[0]);

        Workflow.WfNode nReader = reader.addTo(wf, 80, 220);
        nReader.m_label = "Built-in MNIST test set";
        Workflow.WfNode nLearner = learner.addTo(wf, 300, 220);
        nLearner.m_label = "Latent size 2";
        Workflow.WfNode nEncoder = encoder.addTo(wf, 560, 120);
        nEncoder.m_label = "Image to latent mean";
        Workflow.WfNode nScatter = scatterPlot(wf, encoder.table(1), "z_mean_0", "z_mean_1", "label", 10000,
            "Latent space coloured by digit label", 800, 120);
        nScatter.m_label = "z_mean_0 vs. z_mean_1";
        Workflow.WfNode nSampler = sampler.addTo(wf, 560, 320);
        nSampler.m_label = "Traversal of z_0 and z_1";
        Workflow.WfNode nGrid = tableView(wf, sampler.table(1), List.of("z_0", "z_1", "image"),
            "Latent traversal", 800, 320);
        nGrid.m_label = "Decoded grid points";

        wf.connect(nReader, 1, nLearner, 1);
        wf.connect(nLearner, 1, nEncoder, 1);
        wf.connect(nReader, 1, nEncoder, 2);
        wf.connect(nEncoder, 1, nScatter, 1);
        wf.connect(nLearner, 1, nSampler, 1);
        wf.connect(nSampler, 1, nGrid, 1);

        wf.annotate("Exploring the latent space\n\n"
            + "With only two latent dimensions every image becomes a point in the plane. "
            + "Run with Execute All (Shift+F7), then open the Scatter Plot and the Sampler's image output.",
            20, 20, 900, 70, BLUE);
        wf.annotate("1. Train a 2-D VAE\n\n"
            + "Same data as the quick start; the VAE Learner's latent size is set to 2 (everything else is the "
            + "seed architecture, 2,000 iterations).",
            20, 340, 440, 110, YELLOW);
        wf.annotate("2. Encode\n\n"
            + "VAE Encoder: appends z_mean_0 and z_mean_1, the mean of each image's latent distribution. The "
            + "Scatter Plot colours the points by the digit label; each digit occupies its own region.",
            980, 60, 330, 130, GREEN);
        wf.annotate("3. Traverse\n\n"
            + "VAE Sampler in traversal mode: z_0 and z_1 each run over 10 steps from -2.5 to 2.5 and every "
            + "grid point is decoded. Output 2 is the 10x10 image grid (right-click the Sampler to open it); "
            + "output 1 lists each point with its image.",
            980, 250, 330, 150, GREEN);
        return wf;
    }

    private Workflow ownIdxData() throws Exception {
        Workflow wf = new Workflow("VAE on your own IDX data",
            "Train the VAE on other IDX image data. The MNIST Reader downloads the Fashion-MNIST test set "
                + "(10,000 28x28 images of clothing in 10 classes) once, checks its MD5 checksums and keeps the "
                + "files in a cache folder (by default .vaenodes/datasets/Fashion-MNIST in your home folder), so "
                + "later runs read them from disk. To use your own files, switch the reader's source to 'Local IDX "
                + "files' and choose an IDX images file (and optionally a labels file), gzipped or not. The rest of the "
                + "workflow trains a VAE, reconstructs the images and generates new ones.",
            List.of("VAE", "Fashion-MNIST", "IDX", "download", "deep learning"));
        trainReconstructSample(wf, s -> {
            s.addString("mode", "download");
            s.addString("dataset", "Fashion-MNIST");
            s.addString("split", "test");
        }, new PipelineLabels("Download Fashion-MNIST", "2,000 iterations", "Reconstruct",
            "Fashion-MNIST reconstructions", "64 new images", "Generated images"));

        wf.annotate("Your own IDX data: Fashion-MNIST\n\n"
            + "The MNIST Reader reads any IDX image file (the format of MNIST). Here it downloads Fashion-MNIST; "
            + "the first run needs internet access (about 4.4 MB), later runs use the cache.",
            20, 20, 900, 70, BLUE);
        wf.annotate("1. Download and cache\n\n"
            + "MNIST Reader, source 'Download MNIST / Fashion-MNIST', dataset Fashion-MNIST, test split: fetches "
            + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz, verifies their MD5 checksums and stores "
            + "them in the cache folder. Leave the cache folder empty for the default "
            + "(<home>/.vaenodes/datasets/Fashion-MNIST) or enter your own.\n\n"
            + "Own data: choose the source 'Local IDX files' and pick an IDX images file (idx3-ubyte, .gz allowed) and "
            + "an optional labels file. Images of any size work; the Learner reads the size from the columns.",
            20, 340, 440, 230, YELLOW);
        wf.annotate("2. Train and reconstruct\n\n"
            + "VAE Learner with the seed architecture, 2,000 iterations. The Table View compares originals with "
            + "their reconstructions.",
            980, 60, 330, 110, GREEN);
        wf.annotate("3. Generate\n\n"
            + "VAE Sampler: 64 new images (output 2 is their image grid; right-click the node to open it). "
            + "Line Plot: the training loss.",
            980, 250, 330, 110, GREEN);
        return wf;
    }

    private Workflow anomalyDetection() throws Exception {
        Workflow wf = new Workflow("VAE Anomaly Detection",
            "Anomaly detection with a VAE: train it on one kind of image only, then score every image by how badly "
                + "the model explains it. The first MNIST Reader downloads the 60,000 MNIST training digits once "
                + "(cached in .vaenodes/datasets/MNIST in your home folder); the Row Filter keeps the zeros, and the "
                + "VAE Learner trains on them. The second MNIST Reader reads the built-in test set (10,000 digits "
                + "of all classes, offline). The VAE Reconstructor appends each test image's anomaly score (its "
                + "negative ELBO: reconstruction error plus KL term); the Sorter puts the highest scores first, and "
                + "the Table View shows the most anomalous digits next to their reconstructions. Zeros score low, "
                + "other digits high.",
            List.of("VAE", "anomaly detection", "outlier detection", "MNIST", "deep learning", "images"));
        Ours train = new Ours(new MnistReaderNodeFactory(), s -> {
            s.addString("mode", "download");
            s.addString("dataset", "MNIST");
            s.addString("split", "train");
        });
        train.configure();
        Ours learner = new Ours(new VaeLearnerNodeFactory(), s -> s.addInt("iterations", 2000));
        learner.configure(train.table(1));
        Ours test = new Ours(new MnistReaderNodeFactory(), s -> { });
        test.configure();
        Ours recon = new Ours(new VaeReconstructorNodeFactory(), s -> { });
        recon.configure(specs(learner, 1, test, 1));

        Workflow.WfNode nTrain = train.addTo(wf, 80, 160);
        nTrain.m_label = "MNIST training set (download)";
        Workflow.WfNode nFilter = rowFilterIntEquals(wf, train.table(1), "label", 0, 260, 160);
        nFilter.m_label = "Only zeros (label = 0)";
        Workflow.WfNode nLearner = learner.addTo(wf, 440, 160);
        nLearner.m_label = "Learn what a zero looks like";
        Workflow.WfNode nTest = test.addTo(wf, 440, 340);
        nTest.m_label = "Built-in test set (all digits)";
        Workflow.WfNode nRecon = recon.addTo(wf, 640, 250);
        nRecon.m_label = "Score every test digit";
        Workflow.WfNode nSorter = sorter(wf, recon.table(1), VaeReconstructorNodeModel.SCORE_COLUMN, false, 820, 250);
        nSorter.m_label = "Highest score first";
        Workflow.WfNode nTable = tableView(wf, recon.table(1), List.of("label", "image", "reconstruction",
            VaeReconstructorNodeModel.SCORE_COLUMN, VaeReconstructorNodeModel.ERROR_COLUMN),
            "Most anomalous digits first", 1000, 250);
        nTable.m_label = "Most anomalous digits";

        wf.connect(nTrain, 1, nFilter, 1);
        wf.connect(nFilter, 1, nLearner, 1);
        wf.connect(nLearner, 1, nRecon, 1);
        wf.connect(nTest, 1, nRecon, 2);
        wf.connect(nRecon, 1, nSorter, 1);
        wf.connect(nSorter, 1, nTable, 1);

        wf.annotate("Anomaly detection with a VAE\n\n"
            + "A VAE trained only on normal images reconstructs them well and everything else badly. Its anomaly "
            + "score ranks images by how unusual they are. Run with Execute All (Shift+F7); the first run downloads "
            + "the MNIST training set (about 10 MB), training takes a few minutes.",
            20, 20, 1100, 80, BLUE);
        wf.annotate("1. Train on normal data only\n\n"
            + "MNIST Reader (download, training split) -> Row Filter: label = 0 keeps the ~5,900 zeros -> VAE "
            + "Learner (seed architecture, 2,000 iterations). Change the label in the Row Filter to learn "
            + "another digit. Your own images: List Files/Folders -> Read Images gives a PNG column the Learner "
            + "reads directly (Images from: Automatic or PNG image column).",
            20, 420, 400, 170, YELLOW);
        wf.annotate("2. Score\n\n"
            + "VAE Reconstructor on the 10,000 test digits of all classes. anomaly_score is each image's negative "
            + "ELBO (reconstruction error summed over the pixels plus the KL term, at the latent mean): the higher, "
            + "the worse the model explains the image. reconstruction_error is the mean squared error per pixel.",
            560, 420, 330, 170, GREEN);
        wf.annotate("3. Inspect and threshold\n\n"
            + "Sorter: anomaly_score descending; the Table View shows the least zero-like digits first. To flag "
            + "anomalies automatically, score normal images too and use a high percentile of their scores as "
            + "threshold (e.g. Row Filter anomaly_score > threshold).",
            920, 420, 330, 170, GREEN);
        return wf;
    }
}
