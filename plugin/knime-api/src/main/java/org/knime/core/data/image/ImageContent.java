package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/** Stand-in for KNIME's {@code ImageContent}: an image that can paint itself and become a cell. */
public interface ImageContent {

    void paint(Graphics2D g, int width, int height);

    Dimension getPreferredSize();

    DataCell toImageCell();

    /** Writes the image in its native format (PNG bytes for PNG content). */
    void save(OutputStream out) throws IOException;

    String getSummary();
}
