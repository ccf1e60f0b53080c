package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * Stand-in for KNIME's {@code PortObjectZipOutputStream}: the zip stream a port object is written to. Serializers put their own entries; obtain one with
 * {@link PortUtil#getPortObjectZipOutputStream(OutputStream)}.
 */
public class PortObjectZipOutputStream extends ZipOutputStream {

    PortObjectZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
