package org.vaenodes.knime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.knime.ImageTables;
import org.vaenodes.knime.nodes.encoder.VaeEncoderNodeFactory;
import org.vaenodes.knime.nodes.learner.VaeLearnerNodeFactory;
import org.vaenodes.knime.nodes.mnistreader.MnistReaderNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeFactory;
import org.vaenodes.knime.nodes.sampler.VaeSamplerNodeFactory;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.table.PixelColumns;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

/**
 * Colour through the nodes (RGB PNG cells and {@code px_r_*, px_g_*, px_b_*} pixel columns) and the
 * Reconstructor's anomaly score.
 */
class ColourAndScoreTest {

    private static final int SIDE = 8;

    private static <M extends NodeModel> M node(final NodeFactory<M> f, final Consumer<NodeSettings> edit)
        throws Exception {
        M m = f.createNodeModel();
        NodeSettings s = StubNodes.saveSettings(m);
        edit.accept(s);
        StubNodes.loadSettings(m, s);
        return m;
    }

    private static Consumer<NodeSettings> tinyLearner(final String source, final int iterations) {
        return s -> {
            s.addString("image_input", source);
            s.addInt("latent_size", 3);
            s.addString("encoder_filters", "8,8,8");
            s.addString("decoder_filters", "8,8,8");
            s.addInt("decoder_hidden", 12);
            s.addInt("batch_size", 16);
            s.addDouble("learning_rate", 0.005);
            s.addInt("iterations", iterations);
        };
    }

    /**
     * Image i: a 4×4 square of one pure colour (i mod 3: red, green, blue) on black, channel-major floats; at a
     * random place, or in one of two places when {@code fewPlaces} (so that a tiny model learns it quickly).
     */
    private static float[] colourSquare(final int i, final SplittableRandom r, final boolean fewPlaces) {
        float[] v = new float[3 * SIDE * SIDE];
        int top = fewPlaces ? 2 * r.nextInt(2) : r.nextInt(SIDE - 3);
        int left = fewPlaces ? 2 : r.nextInt(SIDE - 3);
        for (int y = top; y < top + 4; y++) {
            for (int x = left; x < left + 4; x++) {
                v[(i % 3) * SIDE * SIDE + y * SIDE + x] = 1f;
            }
        }
        return v;
    }

    private static byte[] rgbPng(final float[] v) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        int plane = SIDE * SIDE;
        for (int k = 0; k < plane; k++) {
            int rgb = Math.round(v[k] * 255) << 16 | Math.round(v[plane + k] * 255) << 8
                | Math.round(v[2 * plane + k] * 255);
            img.setRGB(k % SIDE, k / SIDE, rgb);
        }
        return ImageTables.png(img);
    }

    /** {@code id}, {@code image} (RGB PNG) and, when asked, {@code px_r_*, px_g_*, px_b_*}. */
    private static BufferedDataTable colourTable(final ExecutionContext exec, final int n, final boolean pixels) {
        return colourTable(exec, n, pixels, false);
    }

    private static BufferedDataTable colourTable(final ExecutionContext exec, final int n, final boolean pixels,
        final boolean fewPlaces) {
        SplittableRandom r = new SplittableRandom(3);
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("id", IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("image", PNGImageCellFactory.TYPE).createSpec());
        if (pixels) {
            cols.addAll(List.of(PixelColumns.specs(PixelColumns.PREFIX, 3, SIDE, SIDE)));
        }
        List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = colourSquare(i, r, fewPlaces);
            List<DataCell> cells = new ArrayList<>(List.of(new IntCell(i), PNGImageCellFactory.create(rgbPng(v))));
            if (pixels) {
                for (float x : v) {
                    cells.add(new DoubleCell(x));
                }
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)i), cells.toArray(new DataCell[0])));
        }
        return StubContexts.table(exec, new DataTableSpec(cols.toArray(new DataColumnSpec[0])), rows);
    }

    private static double value(final DataRow row, final int column) {
        return ((DoubleValue)row.getCell(column)).getDoubleValue();
    }

    private static String appended(final BufferedDataTable t, final int from) {
        StringBuilder b = new StringBuilder();
        for (DataRow r : StubContexts.rows(t)) {
            for (int c = from; c < r.getNumCells(); c++) {
                b.append(r.getCell(c)).append('|');
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void colourPixelColumnsAreNamedByChannel() {
        DataColumnSpec[] specs = PixelColumns.specs("px_", 3, 2, 2);
        assertThat(specs).extracting(DataColumnSpec::getName).containsExactly("px_r_0", "px_r_1", "px_r_2",
            "px_r_3", "px_g_0", "px_g_1", "px_g_2", "px_g_3", "px_b_0", "px_b_1", "px_b_2", "px_b_3");
        assertThat(specs[5].getProperties().getProperty(PixelColumns.PROP_CHANNELS)).isEqualTo("3");
        assertThat(PixelColumns.specs("px_", 1, 2, 2)).extracting(DataColumnSpec::getName)
            .containsExactly("px_0", "px_1", "px_2", "px_3");
        // columns in another order are read channel-major by their names
        assertThat(PixelColumns.channelMajor(new String[]{"px_g_0", "px_r_1", "px_b_0", "px_r_0", "px_g_1",
            "px_b_1"})).containsExactly("px_r_0", "px_r_1", "px_g_0", "px_g_1", "px_b_0", "px_b_1");
    }

    @Test
    void colourFromPngOrPixelColumnsTrainsAndEncodesTheSame() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable table = colourTable(exec, 30, true);
        VaeModelPortObject fromPng = (VaeModelPortObject)StubNodes.run(node(new VaeLearnerNodeFactory(),
            tinyLearner("image_column", 3)), exec, table)[0];
        VaeModelPortObject fromPixels = (VaeModelPortObject)StubNodes.run(node(new VaeLearnerNodeFactory(),
            tinyLearner("pixel_columns", 3)), exec, table)[0];
        assertThat(fromPng.getSpec().getConfig().channels()).isEqualTo(3);
        assertThat(fromPixels.getSpec().getConfig().channels()).isEqualTo(3);
        assertThat(fromPng.getSpec().getHeight()).isEqualTo(SIDE);
        assertThat(ImageColumnInputTest.weights(fromPng)).containsExactly(ImageColumnInputTest.weights(fromPixels));
        for (NodeFactory<? extends NodeModel> f : List.of(new VaeEncoderNodeFactory(),
            new VaeReconstructorNodeFactory())) {
            String png = appended((BufferedDataTable)StubNodes.run(node(f, s -> s.addString("image_input",
                "image_column")), exec, fromPng, table)[0], table.getDataTableSpec().getNumColumns());
            String px = appended((BufferedDataTable)StubNodes.run(node(f, s -> s.addString("image_input",
                "pixel_columns")), exec, fromPng, table)[0], table.getDataTableSpec().getNumColumns());
            assertThat(png).isEqualTo(px).hasSizeGreaterThan(100);
        }
    }

    @Test
    void theLearnersChannelChoiceOverridesTheFirstImageAndWithAnEnteredSizeGivesTheSpecAtConfigure()
        throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable table = colourTable(exec, 20, false);
        VaeModelPortObject gray = (VaeModelPortObject)StubNodes.run(node(new VaeLearnerNodeFactory(),
            tinyLearner("auto", 2).andThen(s -> s.addString("image_channels", "gray"))), exec, table)[0];
        assertThat(gray.getSpec().getConfig().channels()).isEqualTo(1);
        NodeModel entered = node(new VaeLearnerNodeFactory(), tinyLearner("auto", 2).andThen(s -> {
            s.addString("image_channels", "rgb");
            s.addBoolean("size_from_column_properties", false);
            s.addInt("image_height", SIDE);
            s.addInt("image_width", SIDE);
        }));
        org.vaenodes.knime.port.VaeModelPortObjectSpec spec = (org.vaenodes.knime.port.VaeModelPortObjectSpec)
            StubNodes.configure(entered, table.getDataTableSpec())[0];
        assertThat(spec.getConfig().channels()).isEqualTo(3);
        assertThat(spec.getHeight()).isEqualTo(SIDE);
    }

    @Test
    void reconstructionsAndSamplesOfAColourModelAreColourImagesThatKeepEachSquaresColour() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable table = colourTable(exec, 48, false, true);
        VaeModelPortObject model = (VaeModelPortObject)StubNodes.run(node(new VaeLearnerNodeFactory(),
            tinyLearner("auto", 150).andThen(s -> s.addDouble("kl_weight", 0.05))), exec, table)[0];
        PortObject[] outs = StubNodes.run(node(new VaeReconstructorNodeFactory(),
            s -> s.addBoolean("append_pixels", true)), exec, model, table);
        BufferedDataTable out = (BufferedDataTable)outs[0];
        // the comparison image is a colour PNG; kept under target/ to look at
        BufferedImage grid = ImageIO.read(new ByteArrayInputStream(((PNGImageValue)((ImagePortObject)outs[1])
            .toDataCell()).getImageContent().getByteArrayReference()));
        assertThat(grid.getColorModel().getNumColorComponents()).isEqualTo(3);
        PngImages.writePng(grid, Path.of("target", "colour-reconstructions-knime.png"));
        DataTableSpec spec = out.getDataTableSpec();
        int recR = spec.findColumnIndex("rec_px_r_0");
        assertThat(recR).isPositive();
        assertThat(spec.findColumnIndex("rec_px_b_63")).isEqualTo(recR + 3 * 64 - 1);
        int plane = SIDE * SIDE;
        int kept = 0;
        for (DataRow row : StubContexts.rows(out)) {
            int colour = ((IntCell)row.getCell(0)).getIntValue() % 3;
            double[] sums = new double[3];
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    sums[c] += value(row, recR + c * plane + p);
                }
            }
            int strongest = sums[0] >= sums[1] && sums[0] >= sums[2] ? 0 : sums[1] >= sums[2] ? 1 : 2;
            kept += strongest == colour ? 1 : 0;
            // the PNG cell is a colour image holding the reconstructed values (8-bit rounded)
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                ((PNGImageValue)row.getCell(2)).getImageContent().getByteArrayReference()));
            int argb = img.getRGB(3, 4);
            for (int c = 0; c < 3; c++) {
                assertThat((argb >> (16 - 8 * c)) & 0xff).as("channel %d", c).isCloseTo(
                    (int)Math.round(value(row, recR + c * plane + 4 * SIDE + 3) * 255),
                    org.assertj.core.data.Offset.offset(1));
            }
        }
        assertThat(kept).as("reconstructions whose strongest channel is the square's colour").isGreaterThanOrEqualTo(48 * 9 / 10);

        BufferedDataTable samples = (BufferedDataTable)StubNodes.run(node(new VaeSamplerNodeFactory(),
            s -> s.addBoolean("append_pixels", true)), exec, model)[0];
        assertThat(samples.getDataTableSpec().findColumnIndex("px_g_0")).isPositive();
        BufferedImage sample = ImageIO.read(new ByteArrayInputStream(((PNGImageValue)StubContexts.rows(samples).get(0)
            .getCell(samples.getDataTableSpec().findColumnIndex("image"))).getImageContent().getByteArrayReference()));
        assertThat(sample.getColorModel().getNumColorComponents()).isEqualTo(3);
    }

    @Test
    void theAnomalyScoreRanksInvertedDigitsAboveNormalOnes() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        NodeModel reader = node(new MnistReaderNodeFactory(), s -> s.addInt("max_rows", 300));
        BufferedDataTable digits = (BufferedDataTable)StubNodes.run(reader, exec)[0];
        VaeModelPortObject model = (VaeModelPortObject)StubNodes.run(node(new VaeLearnerNodeFactory(), s -> {
            s.addString("encoder_filters", "8,8,8");
            s.addString("decoder_filters", "8,8,8");
            s.addInt("batch_size", 32);
            s.addDouble("learning_rate", 0.002);
            s.addInt("iterations", 60);
        }), exec, digits)[0];
        // 40 test rows: every fourth one inverted (1 - x), its PNG too
        List<DataRow> rows = new ArrayList<>();
        DataTableSpec spec = digits.getDataTableSpec();
        int image = spec.findColumnIndex("image");
        int px0 = spec.findColumnIndex("px_0");
        List<DataRow> all = StubContexts.rows(digits);
        for (int i = 0; i < 40; i++) {
            DataRow r = all.get(260 + i);
            DataCell[] cells = new DataCell[r.getNumCells()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = r.getCell(c);
            }
            if (i % 4 == 0) {
                byte[] levels = new byte[784];
                for (int p = 0; p < 784; p++) {
                    double v = 1 - value(r, px0 + p);
                    cells[px0 + p] = new DoubleCell(v);
                    levels[p] = (byte)Math.round(v * 255);
                }
                cells[image] = PNGImageCellFactory.create(ImageTables.grayPng(levels, 0, 28, 28));
            }
            rows.add(new DefaultRow(new RowKey((i % 4 == 0 ? "inverted " : "normal ") + i), cells));
        }
        BufferedDataTable test = StubContexts.table(exec, spec, rows);
        BufferedDataTable scored = (BufferedDataTable)StubNodes.run(node(new VaeReconstructorNodeFactory(), s -> { }),
            exec, model, test)[0];
        int score = scored.getDataTableSpec().findColumnIndex("anomaly_score");
        List<DataRow> ranked = new ArrayList<>(StubContexts.rows(scored));
        ranked.sort(Comparator.comparingDouble((DataRow r) -> value(r, score)).reversed());
        assertThat(ranked.subList(0, 10)).allMatch(r -> r.getKey().getString().startsWith("inverted"));
        assertThat(ranked.subList(10, 40)).allMatch(r -> r.getKey().getString().startsWith("normal"));
    }
}
