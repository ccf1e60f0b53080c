package org.vaenodes.knime.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortUtil;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knimestub.StubPorts;

class VaeModelPortObjectTest {

    @Test
    void objectAndSpecRoundTrip() throws Exception {
        VaeModelPortObject model = KnimeFixtures.tinyModel();
        VaeModelPortObject back = (VaeModelPortObject)StubPorts.roundTrip(model);
        assertThat(back.getSummary()).isEqualTo(model.getSummary());
        assertThat(back.getSpec()).isEqualTo(model.getSpec());
        float[] img = new float[64];
        java.util.Arrays.fill(img, 0.5f);
        try (VaeModel a = model.openModel(); VaeModel b = back.openModel()) {
            assertThat(b.reconstruct(img, 1)).containsExactly(a.reconstruct(img, 1));
        }
        VaeModelPortObjectSpec spec = StubPorts.roundTrip(model.getSpec());
        assertThat(spec.getConfig()).isEqualTo(model.getSpec().getConfig());
        assertThat(spec.getViews()).hasSize(1);
        assertThat(VaeModelPortObject.TYPE.getPortObjectSpecClass()).isEqualTo(VaeModelPortObjectSpec.class);
    }

    @Test
    void colourAndNotYetKnownSpecsDescribeThemselves() throws Exception {
        VaeModelPortObjectSpec rgb = new VaeModelPortObjectSpec(
            org.vaenodes.testing.TinyData.tinyConfig().channels(3).build());
        VaeModelPortObjectSpec back = StubPorts.roundTrip(rgb);
        assertThat(back.getConfig().channels()).isEqualTo(3);
        assertThat(back.describe()).startsWith("Images 8×8 RGB (64 pixels)");
        // what a Learner on a PNG column announces at configure: KNIME shows it in tooltips and the spec view
        VaeModelPortObjectSpec unknown = new VaeModelPortObjectSpec();
        assertThat(unknown.toString()).isEqualTo("VAE model not known yet (execute the VAE Learner)");
        assertThat(unknown.getViews()).hasSize(1);
    }

    @Test
    void otherFormatVersionGivesClearError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortUtil.writeObjectToStream(KnimeFixtures.tinyModel(), bytes, new ExecutionMonitor());
        byte[] changed = rewrite(bytes.toByteArray());
        assertThatThrownBy(() -> PortUtil.readObjectFromStream(new ByteArrayInputStream(changed),
            new ExecutionMonitor())).isInstanceOf(IOException.class)
            .hasMessageContaining("format version 99").hasMessageContaining("re-execute the VAE Learner");
    }

    /** Rewrites nested zips, changing the model manifest's format version to 99. */
    private static byte[] rewrite(final byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().endsWith(".zip")) {
                    data = rewrite(data);
                } else if (e.getName().equals("vae-model.properties")) {
                    data = new String(data, StandardCharsets.ISO_8859_1)
                        .replace("formatVersion=" + org.vaenodes.engine.model.VaeModelFile.FORMAT_VERSION, "formatVersion=99")
                        .getBytes(StandardCharsets.ISO_8859_1);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
