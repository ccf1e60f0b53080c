package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Stand-in for KNIME's {@code PortObject}: the content of a node port after execution. */
public interface PortObject {

    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /** A short text shown in the port tooltip. */
    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();

    /**
     * Saves and loads port objects of one class. KNIME determines the object class from the type argument of the
     * concrete serializer's superclass, so subclasses must bind {@code T} to a concrete class.
     */
    abstract static class PortObjectSerializer<T extends PortObject> {

        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }
}
