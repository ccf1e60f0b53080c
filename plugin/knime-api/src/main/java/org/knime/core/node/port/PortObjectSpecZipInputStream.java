package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Stand-in for KNIME's {@code PortObjectSpecZipInputStream}: the zip stream a port object spec is read from. Serializers put their own entries; obtain one with
 * {@link PortUtil#getPortObjectSpecZipInputStream(InputStream)}.
 */
public class PortObjectSpecZipInputStream extends ZipInputStream {

    PortObjectSpecZipInputStream(final InputStream stream) {
        super(stream);
    }
}
