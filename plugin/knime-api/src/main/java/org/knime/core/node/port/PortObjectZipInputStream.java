package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Stand-in for KNIME's {@code PortObjectZipInputStream}: the zip stream a port object is read from. Serializers put their own entries; obtain one with
 * {@link PortUtil#getPortObjectZipInputStream(InputStream)}.
 */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
