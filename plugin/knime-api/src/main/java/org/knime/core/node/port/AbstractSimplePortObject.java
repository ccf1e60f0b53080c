package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Stand-in for KNIME's {@code AbstractSimplePortObject}: a port object persisted as {@link ModelContent}.
 * Subclasses need a public no-argument constructor (used when loading). Equality compares the saved content.
 */
public abstract class AbstractSimplePortObject implements PortObject {

    private static final String ENTRY = "content.xml";

    private static final String CFG_CLASS = "class_name";

    private static final String CFG_MODEL = "model";

    public AbstractSimplePortObject() {
    }

    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private byte[] contentBytes() {
        ModelContent m = new ModelContent(CFG_MODEL);
        try {
            save(m, new ExecutionMonitor());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            m.saveToXML(bytes);
            return bytes.toByteArray();
        } catch (CanceledExecutionException | IOException e) {
            throw new IllegalStateException("Cannot save " + getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        return obj != null && obj.getClass() == getClass()
            && Arrays.equals(contentBytes(), ((AbstractSimplePortObject)obj).contentBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contentBytes());
    }

    /** Serializer base: subclasses only bind {@code T}. */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ModelContent m = new ModelContent(ENTRY);
            m.addString(CFG_CLASS, portObject.getClass().getName());
            portObject.save(m.addModelContent(CFG_MODEL), exec);
            out.putNextEntry(new ZipEntry(ENTRY));
            m.saveToXML(NonClosing.out(out));
            out.closeEntry();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            NonClosing.expectEntry(in, ENTRY);
            ModelContentRO m = ModelContent.loadFromXML(NonClosing.in(in));
            try {
                T result = (T)NonClosing.instantiate(m.getString(CFG_CLASS), AbstractSimplePortObject.class);
                result.load(m.getModelContent(CFG_MODEL), spec, exec);
                return result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot load port object: " + e.getMessage(), e);
            }
        }
    }
}
