package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/**
 * Stand-in for KNIME's {@code PNGImageContent}: PNG bytes (not validated on construction; decoded on demand with
 * {@link ImageIO}).
 */
public class PNGImageContent implements ImageContent {

    public static final DataType TYPE = PNGImageCellFactory.TYPE;

    private final byte[] m_bytes;

    private transient BufferedImage m_image;

    /** Wraps the given PNG bytes (not copied). */
    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Image bytes must not be null.");
        }
        m_bytes = imageBytes;
    }

    /** Reads all PNG bytes from the stream (the stream is not closed). */
    public PNGImageContent(final InputStream in) throws IOException {
        this(in.readAllBytes());
    }

    /** A copy of the PNG bytes. */
    public byte[] getByteArray() {
        return m_bytes.clone();
    }

    /** The PNG bytes themselves; do not modify. */
    public byte[] getByteArrayReference() {
        return m_bytes;
    }

    private synchronized BufferedImage decoded() {
        if (m_image == null && m_bytes.length > 0) {
            try {
                m_image = ImageIO.read(new ByteArrayInputStream(m_bytes));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot decode PNG image: " + e.getMessage(), e);
            }
        }
        return m_image;
    }

    @Override
    public Dimension getPreferredSize() {
        BufferedImage img = decoded();
        return img == null ? new Dimension(0, 0) : new Dimension(img.getWidth(), img.getHeight());
    }

    @Override
    public void save(final OutputStream out) throws IOException {
        out.write(m_bytes);
    }

    @Override
    public String getSummary() {
        Dimension d = getPreferredSize();
        return "PNG image " + d.width + " x " + d.height;
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof PNGImageContent && Arrays.equals(((PNGImageContent)obj).m_bytes, m_bytes));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_bytes);
    }
}
