package org.vaenodes.knime.table;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;

/**
 * Reads the selected pixel columns of rows into float arrays and counts what it saw. A row with a missing cell
 * or a NaN or infinite value is skipped (the caller leaves its outputs missing): such a value has no meaning as a
 * pixel and would turn every output of the network into NaN. Values outside [0, 1] are kept and counted. A row
 * that does not match the table's columns (too few cells, a non-number in a pixel column) is a damaged table and
 * stops the node with a message naming the row and column.
 */
public final class PixelReader implements ImageRows {

    private final int[] m_indices;

    private final String[] m_names;

    private final int m_lastIndex;

    private final float m_scale;

    private long m_missingRows;

    private String m_firstMissing;

    private long m_nonFiniteRows;

    private String m_firstNonFinite;

    private long m_outOfRange;

    /**
     * @param indices column indices of the pixels, row-major
     * @param scale factor applied to every value (1 for [0,1] data)
     */
    public PixelReader(final int[] indices, final double scale) {
        this(indices, null, scale);
    }

    /**
     * @param indices column indices of the pixels, row-major
     * @param names the columns' names, for messages (null: "column #index")
     * @param scale factor applied to every value (1 for [0,1] data)
     */
    public PixelReader(final int[] indices, final String[] names, final double scale) {
        if (names != null && names.length != indices.length) {
            throw new IllegalArgumentException(names.length + " column names for " + indices.length + " columns");
        }
        m_indices = indices.clone();
        m_names = names == null ? null : names.clone();
        int last = -1;
        for (int i : m_indices) {
            last = Math.max(last, i);
        }
        m_lastIndex = last;
        m_scale = (float)scale;
    }

    /** A reader of [0,1] pixels of the given columns of {@code spec}, whose names its messages use. */
    public static PixelReader of(final DataTableSpec spec, final int[] indices) {
        String[] names = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            names[i] = spec.getColumnSpec(indices[i]).getName();
        }
        return new PixelReader(indices, names, 1.0);
    }

    /** Pixels per row. */
    @Override
    public int pixels() {
        return m_indices.length;
    }

    /**
     * Copies the row's pixels into {@code dst} at {@code offset}.
     *
     * @return false (and nothing usable written) when one of the cells is missing, NaN or infinite
     * @throws IllegalArgumentException naming the row when it does not have the table's pixel columns
     */
    @Override
    public boolean read(final DataRow row, final float[] dst, final int offset) {
        if (row.getNumCells() <= m_lastIndex) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has " + row.getNumCells()
                + " cells but the pixel columns go up to column " + (m_lastIndex + 1) + "; the input table is damaged"
                + " (its rows do not match its columns). Re-create it upstream.");
        }
        for (int i = 0; i < m_indices.length; i++) {
            DataCell c = row.getCell(m_indices[i]);
            if (c.isMissing()) {
                m_missingRows++;
                if (m_firstMissing == null) {
                    m_firstMissing = row.getKey().toString();
                }
                return false;
            }
            if (!(c instanceof DoubleValue)) {
                throw new IllegalArgumentException("Row \"" + row.getKey() + "\", column " + column(i) + ": \"" + c
                    + "\" is not a number (a " + c.getType() + " cell in a number column); the input table is damaged."
                    + " Convert the column to numbers upstream.");
            }
            double v = ((DoubleValue)c).getDoubleValue() * m_scale;
            if (!Double.isFinite(v)) {
                m_nonFiniteRows++;
                if (m_firstNonFinite == null) {
                    m_firstNonFinite = row.getKey().toString();
                }
                return false;
            }
            if (!(v >= 0 && v <= 1)) {
                m_outOfRange++;
            }
            dst[offset + i] = (float)v;
        }
        return true;
    }

    private String column(final int i) {
        return m_names == null ? "#" + (m_indices[i] + 1) : "\"" + m_names[i] + "\"";
    }

    /** Rows skipped because of missing values. */
    public long missingRows() {
        return m_missingRows;
    }

    /** Rows skipped because of NaN or infinite values. */
    public long nonFiniteRows() {
        return m_nonFiniteRows;
    }

    /** Finite values outside [0,1]. */
    public long outOfRangeValues() {
        return m_outOfRange;
    }

    /**
     * A warning about skipped rows (naming the first) and out-of-range values, {@code null} if there is nothing to
     * say.
     */
    @Override
    public String warning(final String skippedWhat) {
        StringBuilder b = new StringBuilder();
        if (m_missingRows > 0) {
            b.append(m_missingRows).append(m_missingRows == 1 ? " row has" : " rows have")
                .append(" missing pixel values; ").append(skippedWhat).append(" (first: \"").append(m_firstMissing)
                .append("\").");
        }
        if (m_nonFiniteRows > 0) {
            space(b).append(m_nonFiniteRows).append(m_nonFiniteRows == 1 ? " row has" : " rows have")
                .append(" NaN or infinite pixel values; ").append(skippedWhat).append(" (first: \"")
                .append(m_firstNonFinite).append("\").");
        }
        if (m_outOfRange > 0) {
            space(b).append(m_outOfRange).append(m_outOfRange == 1 ? " pixel value is" : " pixel values are")
                .append(" outside [0, 1]; the VAE expects pixels scaled to [0, 1] (e.g. divide 0–255 values by 255).");
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static StringBuilder space(final StringBuilder b) {
        return b.length() > 0 ? b.append(' ') : b;
    }
}
