package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/** Stand-in for KNIME's {@code PortObjectSpec}: the description of a port's content known at configure time. */
public interface PortObjectSpec {

    /** Swing views of the spec (the stand-in's own specs return none). */
    JComponent[] getViews();

    /**
     * Saves and loads specs of one class. KNIME determines the spec class from the type argument of the concrete
     * serializer's superclass, so subclasses must bind {@code T} to a concrete class.
     */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }
}
