package org.knime.core.data.image.png;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataValue;

/**
 * Stand-in for KNIME's {@code PNGImageCell}. Create cells with {@link PNGImageCellFactory#create(byte[])} or
 * {@link PNGImageContent#toImageCell()} (KNIME may return a blob cell for large images; read cells through
 * {@link PNGImageValue}).
 */
public class PNGImageCell extends DataCell implements PNGImageValue {

    private static final long serialVersionUID = 1L;

    private final PNGImageContent m_content;

    PNGImageCell(final PNGImageContent content) {
        m_content = content;
    }

    @Override
    public PNGImageContent getImageContent() {
        return m_content;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_content.equals(((PNGImageCell)dc).m_content);
    }

    @Override
    protected boolean equalContent(final DataValue otherValue) {
        return otherValue instanceof PNGImageValue && PNGImageValue.equalContent(this, (PNGImageValue)otherValue);
    }

    @Override
    public int hashCode() {
        return m_content.hashCode();
    }

    @Override
    public String toString() {
        return m_content.getSummary();
    }
}
