package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.imageio.ImageIO;
import javax.swing.JComponent;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.image.ImageValue;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

class PortTest {

    /** A custom model port like the plugin's: spec and object persisted as model content. */
    public static final class TestSpec extends AbstractSimplePortObjectSpec {
        /**
         * The overrides only call super. They make javac put the bridge methods into this class; without them
         * knime-api's check reports the inherited abstract methods as UNIMPLEMENTED (the index lists no bridges).
         */
        public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<TestSpec> {
            @Override
            public void savePortObjectSpec(final TestSpec spec, final PortObjectSpecZipOutputStream out)
                throws IOException {
                super.savePortObjectSpec(spec, out);
            }

            @Override
            public TestSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
                return super.loadPortObjectSpec(in);
            }
        }

        private int m_latent;

        public TestSpec() {
        }

        TestSpec(final int latent) {
            m_latent = latent;
        }

        @Override
        protected void save(final ModelContentWO model) {
            model.addInt("latent", m_latent);
        }

        @Override
        protected void load(final ModelContentRO model) throws InvalidSettingsException {
            m_latent = model.getInt("latent");
        }
    }

    /** A model port object like the plugin's: its spec as model content, its bytes in a zip entry of its own. */
    public static final class TestModel extends AbstractPortObject {
        public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(TestModel.class);

        private static final String WEIGHTS_ENTRY = "weights.bin";

        /** See {@link TestSpec.Serializer} for why the overrides are there. */
        public static final class Serializer extends AbstractPortObjectSerializer<TestModel> {
            @Override
            public void savePortObject(final TestModel model, final PortObjectZipOutputStream out,
                final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
                super.savePortObject(model, out, exec);
            }

            @Override
            public TestModel loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
                final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
                return super.loadPortObject(in, spec, exec);
            }
        }

        private TestSpec m_spec;

        private double[] m_weights;

        public TestModel() {
        }

        TestModel(final TestSpec spec, final double... weights) {
            m_spec = spec;
            m_weights = weights;
        }

        @Override
        public String getSummary() {
            return m_weights.length + " weights";
        }

        @Override
        public TestSpec getSpec() {
            return m_spec;
        }

        @Override
        public JComponent[] getViews() {
            return new JComponent[0];
        }

        @Override
        protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
            out.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(m_weights.length);
            for (double w : m_weights) {
                data.writeDouble(w);
            }
            data.flush();
            out.closeEntry();
        }

        @Override
        protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
            throws IOException {
            ZipEntry e = in.getNextEntry();
            if (e == null || !WEIGHTS_ENTRY.equals(e.getName())) {
                throw new IOException("No " + WEIGHTS_ENTRY + " entry.");
            }
            DataInputStream data = new DataInputStream(in);
            m_weights = new double[data.readInt()];
            for (int i = 0; i < m_weights.length; i++) {
                m_weights[i] = data.readDouble();
            }
            m_spec = (TestSpec)spec;
        }
    }

    private static byte[] png(final int w, final int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(1, 1, 0, 200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void pngCellsHoldTheirBytes() throws Exception {
        byte[] bytes = png(4, 3);
        DataCell cell = PNGImageCellFactory.create(bytes);
        assertEquals(PNGImageCellFactory.TYPE, cell.getType());
        assertTrue(cell.getType().isCompatible(ImageValue.class));
        PNGImageContent content = ((PNGImageValue)cell).getImageContent();
        assertArrayEquals(bytes, content.getByteArray());
        assertNotSame(content.getByteArray(), content.getByteArray());
        assertEquals(new Dimension(4, 3), content.getPreferredSize());
        assertEquals(cell, new PNGImageContent(bytes).toImageCell());
        DataTableSpec spec = new DataTableSpec(new String[]{"img"}, new org.knime.core.data.DataType[]{
            PNGImageContent.TYPE});
        BufferedDataTable t = StubContexts.table(StubContexts.newExecutionContext(), spec,
            new DefaultRow(new RowKey("r"), cell));
        assertEquals(1, t.size());
    }

    @Test
    void imagePortObjectRoundTrip() throws Exception {
        byte[] bytes = png(2, 2);
        ImagePortObjectSpec spec = new ImagePortObjectSpec(PNGImageContent.TYPE);
        ImagePortObject po = new ImagePortObject(new PNGImageContent(bytes), spec);
        assertEquals(ImagePortObject.TYPE, PortTypeRegistry.getInstance().getPortType(ImagePortObject.class));
        assertTrue(ImagePortObject.TYPE.acceptsPortObject(po));
        assertFalse(BufferedDataTable.TYPE.acceptsPortObject(po));
        assertEquals(ImagePortObjectSpec.class, ImagePortObject.TYPE.getPortObjectSpecClass());

        ImagePortObject back = (ImagePortObject)StubPorts.roundTrip(po);
        assertEquals(po.toDataCell(), back.toDataCell());
        assertEquals(PNGImageContent.TYPE, back.getSpec().getDataType());
        assertEquals(spec, StubPorts.roundTrip(spec));
        assertThrows(IllegalArgumentException.class, () -> new ImagePortObjectSpec(StringCell.TYPE));
        JComponent[] views = po.getViews();
        assertEquals(0, views.length);
    }

    @Test
    void customPortObjectRoundTrip() throws Exception {
        TestModel m = new TestModel(new TestSpec(8), 0.5, -1.0);
        assertEquals(TestSpec.class, TestModel.TYPE.getPortObjectSpecClass());
        assertTrue(TestModel.TYPE.acceptsPortObject(m));
        TestModel back = (TestModel)StubPorts.roundTrip(m);
        assertArrayEquals(m.m_weights, back.m_weights);
        assertEquals(m.getSpec(), back.getSpec());
        assertEquals(8, back.getSpec().m_latent);
        assertEquals("2 weights", back.getSummary());
    }
}
