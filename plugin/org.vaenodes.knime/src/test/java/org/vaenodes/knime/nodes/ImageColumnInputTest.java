package org.vaenodes.knime.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.ImageTables;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.nodes.encoder.VaeEncoderNodeFactory;
import org.vaenodes.knime.nodes.learner.VaeLearnerNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeFactory;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;
import org.vaenodes.testing.TinyData;

/**
 * The Learner, Encoder and Reconstructor read a PNG image column exactly as they read the same images' pixel
 * columns; the automatic choice, resizing, refusal, broken and missing images.
 */
class ImageColumnInputTest {

    private static final IdxImages SQUARES = TinyData.squares(40, 8, 8, 11);

    private static <M extends NodeModel> M node(final NodeFactory<M> f, final Consumer<NodeSettings> edit)
        throws Exception {
        M m = f.createNodeModel();
        NodeSettings s = StubNodes.saveSettings(m);
        edit.accept(s);
        StubNodes.loadSettings(m, s);
        return m;
    }

    private static Consumer<NodeSettings> source(final String key) {
        return s -> s.addString("image_input", key);
    }

    private static Consumer<NodeSettings> tinyLearner(final String source) {
        return s -> {
            s.addString("image_input", source);
            s.addInt("latent_size", 2);
            s.addString("encoder_filters", "4,4,4");
            s.addString("decoder_filters", "4,4,4");
            s.addInt("decoder_hidden", 6);
            s.addInt("batch_size", 16);
            s.addInt("iterations", 3);
        };
    }

    static float[] weights(final VaeModelPortObject port) throws Exception {
        try (VaeModel m = port.openModel()) {
            int n = 0;
            for (INDArray a : m.weights().values()) {
                n += (int)a.length();
            }
            float[] all = new float[n];
            int k = 0;
            for (Map.Entry<String, INDArray> e : new java.util.TreeMap<>(m.weights()).entrySet()) {
                float[] v = e.getValue().dup().data().asFloat();
                System.arraycopy(v, 0, all, k, v.length);
                k += v.length;
            }
            return all;
        }
    }

    /** The appended cells (from column {@code from} on) of every row, as strings. */
    private static List<String> appended(final BufferedDataTable t, final int from) {
        return StubContexts.rows(t).stream().map(r -> {
            StringBuilder b = new StringBuilder();
            for (int c = from; c < r.getNumCells(); c++) {
                b.append(r.getCell(c)).append('|');
            }
            return b.toString();
        }).toList();
    }

    @Test
    void learnerTrainsTheSameWeightsFromThePngColumnAsFromThePixelColumns() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable table = ImageTables.table(exec, SQUARES, 40, true);
        PortObject[] fromPixels =
            StubNodes.run(node(new VaeLearnerNodeFactory(), tinyLearner("pixel_columns")), exec, table);
        PortObject[] fromPng =
            StubNodes.run(node(new VaeLearnerNodeFactory(), tinyLearner("image_column")), exec, table);
        float[] a = weights((VaeModelPortObject)fromPixels[0]);
        assertThat(a).hasSizeGreaterThan(100);
        assertThat(weights((VaeModelPortObject)fromPng[0])).containsExactly(a);
        // the automatic choice on a table with only the PNG column: the same again
        BufferedDataTable pngOnly = ImageTables.table(exec, SQUARES, 40, false);
        PortObject[] auto = StubNodes.run(node(new VaeLearnerNodeFactory(), tinyLearner("auto")), exec, pngOnly);
        assertThat(weights((VaeModelPortObject)auto[0])).containsExactly(a);
    }

    @Test
    void encoderAndReconstructorGiveTheSameOutputsFromThePngColumn() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        BufferedDataTable both = ImageTables.table(exec, SQUARES, 40, true);
        BufferedDataTable pngOnly = ImageTables.table(exec, SQUARES, 40, false);
        int inCols = both.getDataTableSpec().getNumColumns();
        for (NodeFactory<? extends NodeModel> f : List.of(new VaeEncoderNodeFactory(),
            new VaeReconstructorNodeFactory())) {
            BufferedDataTable px = (BufferedDataTable)StubNodes.run(node(f, source("pixel_columns")), exec, model,
                both)[0];
            BufferedDataTable png = (BufferedDataTable)StubNodes.run(node(f, source("image_column")), exec, model,
                both)[0];
            BufferedDataTable auto = (BufferedDataTable)StubNodes.run(node(f, source("auto")), exec, model,
                pngOnly)[0];
            assertThat(appended(png, inCols)).as(f.getClass().getSimpleName()).isEqualTo(appended(px, inCols))
                .hasSize(40);
            assertThat(appended(auto, 2)).isEqualTo(appended(px, inCols));
        }
    }

    @Test
    void automaticChoiceTakesThePixelColumnsWhenThereAreAny() throws Exception {
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        // a table with a PNG column and px_* columns of the wrong count: the pixel columns are used and refused
        ExecutionContext exec = StubContexts.newExecutionContext();
        DataTableSpec withBoth = ImageTables.table(exec, TinyData.squares(2, 7, 7, 1), 2, true).getDataTableSpec();
        assertThatThrownBy(() -> StubNodes.configure(node(new VaeEncoderNodeFactory(), source("auto")),
            model.getSpec(), withBoth)).hasMessage("The model expects 64 pixel columns (8×8); 49 are selected.");
        // the PNG column chosen on a table without one
        assertThatThrownBy(() -> StubNodes.configure(node(new VaeEncoderNodeFactory(), source("image_column")),
            model.getSpec(), KnimeFixtures.pixelSpec(8, 8))).hasMessageStartingWith("The input has no PNG image column");
        assertThatThrownBy(() -> StubNodes.configure(node(new VaeEncoderNodeFactory(), s -> {
            s.addString("image_input", "image_column");
            s.addString("image_column", "id");
        }), model.getSpec(), withBoth)).hasMessageStartingWith("The column \"id\" is not a PNG image column");
    }

    @Test
    void otherSizesAreResizedOrRefusedNamingTheRow() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        BufferedDataTable big = ImageTables.table(exec, SQUARES, 5, false, 2);
        BufferedDataTable small = ImageTables.table(exec, SQUARES, 5, false);
        // resized by default, by area averaging: each 2×2 block of the enlarged image is the original pixel again
        BufferedDataTable resized = (BufferedDataTable)StubNodes.run(
            node(new VaeReconstructorNodeFactory(), s -> { }), exec, model, big)[0];
        BufferedDataTable direct = (BufferedDataTable)StubNodes.run(
            node(new VaeReconstructorNodeFactory(), s -> { }), exec, model, small)[0];
        assertThat(appended(resized, 2)).isEqualTo(appended(direct, 2)).hasSize(5);
        // resizing off: refused with the row key and both sizes
        NodeModel refusing = node(new VaeEncoderNodeFactory(), s -> s.addBoolean("resize_images", false));
        assertThatThrownBy(() -> StubNodes.run(refusing, exec, model, big)).hasMessage("Row \"Row0\", column "
            + "\"image\": the image is 16×16 but the model takes 8×8 images; tick \"Resize images to the model's "
            + "size\" or resize the images upstream.");
    }

    @Test
    void aBrokenPngStopsTheNodeNamingTheRowAndAMissingOneLeavesTheRowMissing() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        BufferedDataTable table = ImageTables.table(exec, SQUARES, 6, false);
        DataCell broken = PNGImageCellFactory.create(new byte[]{(byte)0x89, 'P', 'N', 'G', 1, 2, 3, 4});
        BufferedDataTable withBroken = ImageTables.withCell(exec, table, 3, 1, broken);
        assertThatThrownBy(() -> StubNodes.run(node(new VaeEncoderNodeFactory(), s -> { }), exec, model,
            withBroken)).hasMessageStartingWith("Row \"Row3\", column \"image\": not a readable PNG image")
                .hasMessageEndingWith("; fix or filter out the image upstream.");
        assertThatThrownBy(() -> StubNodes.run(node(new VaeLearnerNodeFactory(), tinyLearner("auto")), exec,
            withBroken)).hasMessageStartingWith("Row \"Row3\", column \"image\": not a readable PNG image");

        BufferedDataTable withMissing = ImageTables.withCell(exec, table, 2, 1, ImageTables.missing());
        NodeModel encoder = node(new VaeEncoderNodeFactory(), s -> { });
        BufferedDataTable out = (BufferedDataTable)StubNodes.run(encoder, exec, model, withMissing)[0];
        List<DataRow> rows = StubContexts.rows(out);
        assertThat(rows.get(2).getCell(2).isMissing()).isTrue();
        assertThat(rows.get(3).getCell(2).isMissing()).isFalse();
        assertThat(StubNodes.warningMessage(encoder))
            .isEqualTo("1 row has a missing image; their latent columns are missing (first: \"Row2\").");
        NodeModel learner = node(new VaeLearnerNodeFactory(), tinyLearner("auto"));
        StubNodes.run(learner, exec, withMissing);
        assertThat(StubNodes.warningMessage(learner)).startsWith("1 row has a missing image; they were skipped");
    }

    @Test
    void cancelIsCheckedBetweenDecodedImagesNotOnlyPerBatch() throws Exception {
        // 40 rows are one batch: reading pixel columns checks a few times in all, decoding PNGs once per row
        BufferedDataTable table = ImageTables.table(StubContexts.newExecutionContext(), SQUARES, 40, true);
        ExecutionContext pixels = StubContexts.newExecutionContext(
            new org.vaenodes.knimestub.RecordingProgressMonitor().cancelAfterChecks(5));
        StubNodes.run(node(new VaeEncoderNodeFactory(), source("pixel_columns")), pixels, KnimeFixtures.tinyModel(),
            table);
        ExecutionContext png = StubContexts.newExecutionContext(
            new org.vaenodes.knimestub.RecordingProgressMonitor().cancelAfterChecks(5));
        assertThatThrownBy(() -> StubNodes.run(node(new VaeEncoderNodeFactory(), source("image_column")), png,
            KnimeFixtures.tinyModel(), table)).isInstanceOf(org.knime.core.node.CanceledExecutionException.class);
        assertThat(StubContexts.progress(png).cancelChecks()).isLessThan(10);
    }

    @Test
    void aLearnerOnAPngColumnLearnsTheSizeFromTheFirstImageOrTheDialog() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable big = ImageTables.table(exec, SQUARES, 20, false, 2);
        NodeModel fromImage = node(new VaeLearnerNodeFactory(), tinyLearner("auto"));
        // the size is known only from the data: configure gives no model spec yet
        org.knime.core.node.port.PortObjectSpec unknown = StubNodes.configure(fromImage, big.getDataTableSpec())[0];
        assertThat(((org.vaenodes.knime.port.VaeModelPortObjectSpec)unknown).getConfig()).isNull();
        assertThatThrownBy(() -> StubNodes.configure(node(new VaeEncoderNodeFactory(), s -> { }), unknown,
            big.getDataTableSpec())).hasMessage("The VAE model is not known yet; connect a VAE Learner and execute "
                + "it (a Learner on a PNG image column takes the image size from the data).");
        VaeModelPortObject m = (VaeModelPortObject)StubNodes.run(fromImage, exec, big)[0];
        assertThat(m.getSpec().getHeight()).isEqualTo(16);
        // entered 8×8: refused by default, resized when ticked
        Consumer<NodeSettings> entered = tinyLearner("auto").andThen(s -> {
            s.addBoolean("size_from_column_properties", false);
            s.addInt("image_height", 8);
            s.addInt("image_width", 8);
        });
        assertThatThrownBy(() -> StubNodes.run(node(new VaeLearnerNodeFactory(), entered), exec, big))
            .hasMessageStartingWith("Row \"Row0\", column \"image\": the image is 16×16 but the model takes 8×8");
        VaeModelPortObject resized = (VaeModelPortObject)StubNodes.run(node(new VaeLearnerNodeFactory(),
            entered.andThen(s -> s.addBoolean("resize_images", true))), exec, big)[0];
        assertThat(resized.getSpec().getHeight()).isEqualTo(8);
    }
}
