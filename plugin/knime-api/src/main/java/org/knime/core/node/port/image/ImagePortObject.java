package org.knime.core.node.port.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.data.DataCell;
import org.knime.core.data.image.ImageContent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Stand-in for KNIME's {@code ImagePortObject}: an image (e.g. {@link org.knime.core.data.image.png.PNGImageContent})
 * at a node port. The stand-in persists the image's own bytes ({@link ImageContent#save}); on loading, the content
 * class needs a public constructor taking an {@link InputStream} (PNG content has one).
 */
public class ImagePortObject extends AbstractPortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class);

    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class,
        true);

    private static final String ENTRY_CLASS = "image_content_class";

    private static final String ENTRY_IMAGE = "image_content";

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    /** Serializer of the port object. */
    public static final class Serializer extends AbstractPortObjectSerializer<ImagePortObject> {
    }

    /** For loading only. */
    public ImagePortObject() {
    }

    /** The image with its spec; the image's cell type must fit the spec's type. */
    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (content == null || spec == null) {
            throw new NullPointerException("Image content and spec must not be null.");
        }
        DataCell cell = content.toImageCell();
        if (!spec.getDataType().isASuperTypeOf(cell.getType())) {
            throw new IllegalArgumentException("Image type " + cell.getType() + " does not fit the spec's type "
                + spec.getDataType() + ".");
        }
        m_content = content;
        m_spec = spec;
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    /** The image as a table cell. */
    public DataCell toDataCell() {
        return m_content.toImageCell();
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ENTRY_CLASS));
        out.write(m_content.getClass().getName().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
        out.putNextEntry(new ZipEntry(ENTRY_IMAGE));
        m_content.save(out);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !ENTRY_CLASS.equals(e.getName())) {
            throw new IOException("Not an image port object stream.");
        }
        String className = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        e = in.getNextEntry();
        if (e == null || !ENTRY_IMAGE.equals(e.getName())) {
            throw new IOException("Image bytes missing in image port object stream.");
        }
        byte[] bytes = in.readAllBytes();
        try {
            Class<?> cl = Class.forName(className, true, ImagePortObject.class.getClassLoader());
            Constructor<?> ctor = cl.getConstructor(InputStream.class);
            m_content = (ImageContent)ctor.newInstance(new ByteArrayInputStream(bytes));
        } catch (ReflectiveOperationException | ClassCastException ex) {
            throw new IOException("Cannot restore image content of class " + className + ": " + ex.getMessage(), ex);
        }
        m_spec = (ImagePortObjectSpec)spec;
    }
}
