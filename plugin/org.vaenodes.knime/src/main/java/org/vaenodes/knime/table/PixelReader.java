package org.vaenodes.knime.table;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;

/** Reads the selected pixel columns of rows into float arrays and counts what it saw. */
public final class PixelReader {

    private final int[] m_indices;

    private final float m_scale;

    private long m_missingRows;

    private long m_outOfRange;

    /**
     * @param indices column indices of the pixels, row-major
     * @param scale factor applied to every value (1 for [0,1] data)
     */
    public PixelReader(final int[] indices, final double scale) {
        m_indices = indices.clone();
        m_scale = (float)scale;
    }

    /** Pixels per row. */
    public int pixels() {
        return m_indices.length;
    }

    /**
     * Copies the row's pixels into {@code dst} at {@code offset}.
     *
     * @return false (and nothing usable written) when one of the cells is missing
     */
    public boolean read(final DataRow row, final float[] dst, final int offset) {
        for (int i = 0; i < m_indices.length; i++) {
            DataCell c = row.getCell(m_indices[i]);
            if (c.isMissing()) {
                m_missingRows++;
                return false;
            }
            double v = ((DoubleValue)c).getDoubleValue() * m_scale;
            if (!(v >= 0 && v <= 1)) {
                m_outOfRange++;
                if (Double.isNaN(v)) {
                    v = 0;
                }
            }
            dst[offset + i] = (float)v;
        }
        return true;
    }

    /** Rows skipped because of missing values. */
    public long missingRows() {
        return m_missingRows;
    }

    /** Values outside [0,1] (NaN included). */
    public long outOfRangeValues() {
        return m_outOfRange;
    }

    /** A warning about skipped rows and out-of-range values, {@code null} if there is nothing to say. */
    public String warning(final String skippedWhat) {
        StringBuilder b = new StringBuilder();
        if (m_missingRows > 0) {
            b.append(m_missingRows).append(m_missingRows == 1 ? " row has" : " rows have")
                .append(" missing pixel values; ").append(skippedWhat).append('.');
        }
        if (m_outOfRange > 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(m_outOfRange).append(m_outOfRange == 1 ? " pixel value is" : " pixel values are")
                .append(" outside [0, 1]; the VAE expects pixels scaled to [0, 1] (e.g. divide 0–255 values by 255).");
        }
        return b.length() == 0 ? null : b.toString();
    }
}
