package org.knime.core.node.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/**
 * Stand-in for KNIME's {@code PortUtil}: serializer look-up and writing/reading port objects to/from streams with
 * their registered serializers (see {@link PortTypeRegistry} for how the stand-in finds them). The stream layout
 * is the stand-in's own; tables cannot be written.
 */
public final class PortUtil {

    private static final String CONTENT = "content.xml";

    private static final String SPEC = "spec.zip";

    private static final String OBJECT = "object.zip";

    private static final String CFG_OBJECT_CLASS = "object_class";

    private static final String CFG_SPEC_CLASS = "spec_class";

    private static final String CFG_TABLE_SPEC = "table_spec";

    private PortUtil() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends PortObject> PortObjectSerializer<T> getPortObjectSerializer(final Class<T> cl) {
        return (PortObjectSerializer<T>)PortTypeRegistry.getInstance().getObjectSerializer(cl)
            .orElseThrow(() -> new IllegalStateException("No port object serializer for " + cl.getName()
                + " (expected a public static nested class extending PortObjectSerializer<" + cl.getSimpleName()
                + ">)."));
    }

    @SuppressWarnings("unchecked")
    public static <T extends PortObjectSpec> PortObjectSpecSerializer<T> getPortObjectSpecSerializer(
        final Class<T> cl) {
        return (PortObjectSpecSerializer<T>)PortTypeRegistry.getInstance().getSpecSerializer(cl)
            .orElseThrow(() -> new IllegalStateException("No port object spec serializer for " + cl.getName()
                + " (expected a public static nested class extending PortObjectSpecSerializer<"
                + cl.getSimpleName() + ">)."));
    }

    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        return new PortObjectZipInputStream(in);
    }

    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream out)
        throws IOException {
        return new PortObjectSpecZipOutputStream(out);
    }

    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        return new PortObjectSpecZipInputStream(in);
    }

    /** Writes the port object and its spec; the stream is closed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void writeObjectToStream(final PortObject po, final OutputStream output,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        PortObjectSpec spec = po.getSpec();
        try (ZipOutputStream zip = new ZipOutputStream(output)) {
            ModelContent content = new ModelContent(CONTENT);
            content.addString(CFG_OBJECT_CLASS, po.getClass().getName());
            content.addString(CFG_SPEC_CLASS, spec == null ? null : spec.getClass().getName());
            if (spec instanceof DataTableSpec) {
                ((DataTableSpec)spec).save(content.addConfig(CFG_TABLE_SPEC));
            }
            zip.putNextEntry(new ZipEntry(CONTENT));
            content.saveToXML(NonClosing.out(zip));
            zip.closeEntry();
            if (spec != null && !(spec instanceof DataTableSpec)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (PortObjectSpecZipOutputStream specOut = new PortObjectSpecZipOutputStream(bytes)) {
                    PortObjectSpecSerializer ser = getPortObjectSpecSerializer(spec.getClass());
                    ser.savePortObjectSpec(spec, specOut);
                }
                zip.putNextEntry(new ZipEntry(SPEC));
                zip.write(bytes.toByteArray());
                zip.closeEntry();
            }
            if (po instanceof org.knime.core.node.BufferedDataTable) {
                throw new IOException("The KNIME API stand-in cannot write tables with PortUtil.");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PortObjectZipOutputStream objOut = new PortObjectZipOutputStream(bytes)) {
                PortObjectSerializer ser = getPortObjectSerializer(po.getClass());
                ser.savePortObject(po, objOut, exec);
            }
            zip.putNextEntry(new ZipEntry(OBJECT));
            zip.write(bytes.toByteArray());
            zip.closeEntry();
        }
    }

    /** Reads what {@link #writeObjectToStream} wrote; the stream is closed. */
    public static PortObject readObjectFromStream(final InputStream input, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        try (ZipInputStream zip = new ZipInputStream(input)) {
            Object[] head = readHead(zip);
            PortObjectSpec spec = (PortObjectSpec)head[1];
            NonClosing.expectEntry(zip, OBJECT);
            byte[] bytes = zip.readAllBytes();
            Class<? extends PortObject> cl = PortTypeRegistry.getInstance().getObjectClass((String)head[0])
                .orElseThrow(() -> new IOException("Unknown port object class " + head[0]));
            try (PortObjectZipInputStream objIn = new PortObjectZipInputStream(new ByteArrayInputStream(bytes))) {
                return getPortObjectSerializer(cl).loadPortObject(objIn, spec, exec);
            }
        }
    }

    /** Returns {object class name, spec}. */
    private static Object[] readHead(final ZipInputStream zip) throws IOException {
        NonClosing.expectEntry(zip, CONTENT);
        ModelContentRO content = ModelContent.loadFromXML(NonClosing.in(zip));
        try {
            String objectClass = content.getString(CFG_OBJECT_CLASS);
            String specClass = content.getString(CFG_SPEC_CLASS);
            if (specClass == null) {
                return new Object[]{objectClass, null};
            }
            if (content.containsKey(CFG_TABLE_SPEC)) {
                return new Object[]{objectClass, DataTableSpec.load(content.getConfig(CFG_TABLE_SPEC))};
            }
            NonClosing.expectEntry(zip, SPEC);
            byte[] bytes = zip.readAllBytes();
            Class<? extends PortObjectSpec> cl = PortTypeRegistry.getInstance().getSpecClass(specClass)
                .orElseThrow(() -> new IOException("Unknown port object spec class " + specClass));
            try (PortObjectSpecZipInputStream specIn =
                new PortObjectSpecZipInputStream(new ByteArrayInputStream(bytes))) {
                return new Object[]{objectClass, getPortObjectSpecSerializer(cl).loadPortObjectSpec(specIn)};
            }
        } catch (InvalidSettingsException e) {
            throw new IOException("Bad port object stream: " + e.getMessage(), e);
        }
    }
}
