package org.vaenodes.knimestub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortUtil;

/** Saves and reloads port objects and specs through their serializers (as KNIME does when a workflow is saved). */
public final class StubPorts {

    private StubPorts() {
    }

    /** Writes the object (and its spec) with the registered serializers and reads it back. */
    public static PortObject roundTrip(final PortObject object) throws IOException, CanceledExecutionException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortUtil.writeObjectToStream(object, bytes, new ExecutionMonitor());
        return PortUtil.readObjectFromStream(new ByteArrayInputStream(bytes.toByteArray()), new ExecutionMonitor());
    }

    /** Writes the spec with its serializer and reads it back. */
    @SuppressWarnings("unchecked")
    public static <T extends PortObjectSpec> T roundTrip(final T spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            PortUtil.getPortObjectSpecSerializer((Class<T>)spec.getClass()).savePortObjectSpec(spec, out);
        }
        try (PortObjectSpecZipInputStream in =
            PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return PortUtil.getPortObjectSpecSerializer((Class<T>)spec.getClass()).loadPortObjectSpec(in);
        }
    }
}
