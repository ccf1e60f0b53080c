package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * Stand-in for KNIME's {@code PortObjectSpecZipOutputStream}: the zip stream a port object spec is written to. Serializers put their own entries; obtain one with
 * {@link PortUtil#getPortObjectSpecZipOutputStream(OutputStream)}.
 */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {

    PortObjectSpecZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
