package org.knime.core.data.image;

import java.awt.Dimension;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/** Stand-in for KNIME's {@code ImageContent}: an image that can become a cell and save its bytes. */
public interface ImageContent {

    Dimension getPreferredSize();

    DataCell toImageCell();

    /** Writes the image in its native format (PNG bytes for PNG content). */
    void save(OutputStream out) throws IOException;

    String getSummary();
}
