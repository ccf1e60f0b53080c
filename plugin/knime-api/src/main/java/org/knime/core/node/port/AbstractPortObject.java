package org.knime.core.node.port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code AbstractPortObject}: a port object that writes its content into zip entries itself.
 * Subclasses need a public no-argument constructor (used when loading).
 */
public abstract class AbstractPortObject implements PortObject {

    private static final String META_ENTRY = "portobject_class";

    public AbstractPortObject() {
    }

    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** Serializer base: subclasses only bind {@code T}. */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry(META_ENTRY));
            out.write(portObject.getClass().getName().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            portObject.save(out, exec);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            NonClosing.expectEntry(in, META_ENTRY);
            String className = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            T result = (T)NonClosing.instantiate(className, AbstractPortObject.class);
            result.load(in, spec, exec);
            return result;
        }
    }
}
