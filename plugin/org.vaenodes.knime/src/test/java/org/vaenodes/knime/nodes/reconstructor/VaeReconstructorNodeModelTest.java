package org.vaenodes.knime.nodes.reconstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

class VaeReconstructorNodeModelTest {

    @Test
    void appendsReconstructionErrorPixelsLatentAndGrid() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.squares(exec, 20);
        VaeReconstructorNodeModel m = new VaeReconstructorNodeFactory().createNodeModel();
        m.settings().m_appendPixels.setBooleanValue(true);
        m.settings().m_appendLatent.setBooleanValue(true);
        m.settings().m_gridImages.setIntValue(6);
        m.settings().m_gridColumns.setIntValue(3);
        PortObject[] out = StubNodes.run(m, exec, KnimeFixtures.tinyModel(), in);
        BufferedDataTable t = (BufferedDataTable)out[0];
        DataTableSpec spec = t.getDataTableSpec();
        assertThat(spec.getColumnSpec(65).getName()).isEqualTo("reconstruction");
        assertThat(spec.getColumnSpec(66).getName()).isEqualTo("reconstruction_error");
        assertThat(spec.getColumnSpec(67).getName()).isEqualTo("anomaly_score");
        assertThat(spec.getColumnSpec(68).getName()).isEqualTo("rec_px_0");
        assertThat(spec.getColumnSpec(spec.getNumColumns() - 1).getName()).isEqualTo("z_mean_1");
        List<DataRow> rows = StubContexts.rows(t);
        assertThat(rows.get(0).getCell(65)).isInstanceOf(PNGImageValue.class);
        double error = ((DoubleValue)rows.get(0).getCell(66)).getDoubleValue();
        assertThat(error).isBetween(0.0, 1.0);
        // the negative ELBO sums the squared error over the 64 pixels and adds a KL term, which is never negative
        assertThat(((DoubleValue)rows.get(0).getCell(67)).getDoubleValue()).isGreaterThanOrEqualTo(64 * error * 0.999);
        ImagePortObject grid = (ImagePortObject)out[1];
        byte[] png = ((PNGImageValue)grid.toDataCell()).getImageContent().getByteArray();
        java.awt.image.BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        // 2 rows of originals + 2 rows of reconstructions, 3 per row, 8 px ×2 scale + 2 px padding
        assertThat(img.getWidth()).isGreaterThan(img.getHeight() / 2);
        assertThat(img.getHeight()).isGreaterThanOrEqualTo(4 * 16);
    }

    @Test
    void sizeMismatchIsExplained() {
        assertThatThrownBy(() -> StubNodes.configure(new VaeReconstructorNodeModel(),
            KnimeFixtures.tinyModel().getSpec(), KnimeFixtures.pixelSpec(28, 28)))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessage("The model expects 64 pixel columns (8×8); 784 are selected.");
    }

    @Test
    void emptyTableGivesEmptyTableAndPlaceholderImage() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = StubContexts.table(exec, KnimeFixtures.pixelSpec(8, 8));
        PortObject[] out = StubNodes.run(new VaeReconstructorNodeModel(), exec, KnimeFixtures.tinyModel(), in);
        assertThat(((BufferedDataTable)out[0]).size()).isZero();
        assertThat(out[1]).isInstanceOf(ImagePortObject.class);
        assertThat(new VaeReconstructorNodeFactory().getNodeName()).isEqualTo("VAE Reconstructor");
        assertThat(new VaeReconstructorNodeFactory().getIcon()).isNotNull();
    }
}
