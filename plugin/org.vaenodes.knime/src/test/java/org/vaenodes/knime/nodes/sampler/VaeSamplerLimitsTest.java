package org.vaenodes.knime.nodes.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.vaenodes.engine.image.GridBounds;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;

/** Counts past what a grid holds, large images, and the latent points made in chunks. */
class VaeSamplerLimitsTest {

    @Test
    void moreImagesThanAGridHoldsGoToTheTableAndTheGridShowsTheFirst() throws Exception {
        VaeSamplerNodeModel m = new VaeSamplerNodeModel();
        int n = GridBounds.MAX_IMAGES + 1;
        m.settings().m_count.setIntValue(n);
        m.settings().m_gridColumns.setIntValue(100);
        PortObject[] out = StubNodes.run(m, StubContexts.newExecutionContext(), KnimeFixtures.tinyModel());
        assertThat(((BufferedDataTable)out[0]).size()).isEqualTo(n);
        assertThat(StubNodes.warningMessage(m)).isEqualTo("The image output shows the first 10,000 of the 10,001 "
            + "images (one grid holds at most 10,000 images of 8×8); the table has all of them.");
        byte[] png = ((PNGImageValue)((ImagePortObject)out[1]).toDataCell()).getImageContent().getByteArray();
        java.awt.image.BufferedImage grid = ImageIO.read(new ByteArrayInputStream(png));
        // 100 × 100 tiles of 8×8 at scale 2 with 2 px between
        assertThat(grid.getWidth()).isEqualTo(100 * 16 + 99 * 2);
        assertThat(grid.getHeight()).isEqualTo(100 * 16 + 99 * 2);
    }

    @Test
    void pixelColumnsOfLargeImagesAreRefusedNamingTheOption() {
        VaeSamplerNodeModel m = new VaeSamplerNodeModel();
        m.settings().m_appendPixels.setBooleanValue(true);
        VaeModelPortObjectSpec large = new VaeModelPortObjectSpec(VaeConfig.builder().imageSize(512, 512)
            .encoderStrides(4, 4, 4).decoderStrides(1, 1, 1).filters(4).build());
        assertThatThrownBy(() -> StubNodes.configure(m, large)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Images of 512×512 would append 262,144 pixel columns, more than the 65,536 a table gets; "
                + "untick \"Append pixel columns (px_*)\" (the image column holds them).");
    }

    @Test
    void pointsMadeInChunksAreThoseOfOneLongDraw() throws Exception {
        try (VaeModel model = KnimeFixtures.tinyModel().openModel()) {
            int latent = model.config().latentSize();
            float[] all = model.sampleLatent(1000, 77);
            LatentPoints random = LatentPoints.sampled(SamplerMode.RANDOM, latent, 1000, 77);
            float[] joined = new float[1000 * latent];
            int at = 0;
            for (int chunk : new int[]{1, 255, 256, 488}) {
                float[] z = random.next(chunk);
                System.arraycopy(z, 0, joined, at * latent, z.length);
                at += chunk;
            }
            assertThat(joined).containsExactly(all);
            assertThatThrownBy(() -> random.next(1)).isInstanceOf(IllegalArgumentException.class);

            float[] ends = model.sampleLatent(2, 5);
            LatentPoints line = LatentPoints.sampled(SamplerMode.INTERPOLATION, latent, 3, 5);
            line.next(2);
            // the last point is t = 1 of the line between the first two random points
            assertThat(line.next(1)).containsExactly(ends[0] + (ends[latent] - ends[0]),
                ends[1] + (ends[latent + 1] - ends[1]));
        }
        LatentPoints grid = LatentPoints.traversal(2, 3, 2.0, 0, 1);
        assertThat(grid.count()).isEqualTo(9);
        assertThat(grid.next(9)).containsExactly(-2, 2, 0, 2, 2, 2, -2, 0, 0, 0, 2, 0, -2, -2, 0, -2, 2, -2);
    }
}
