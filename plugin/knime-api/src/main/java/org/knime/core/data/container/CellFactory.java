package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code CellFactory}: computes new cells for each row of a {@link ColumnRearranger}.
 * Implement one of the two {@code getCells} methods.
 */
public interface CellFactory {

    /** The new cells of the row; by default delegates to {@link #getCells(DataRow, long)} if that is overridden. */
    default DataCell[] getCells(final DataRow row) {
        if (CellFactorySupport.overrides(getClass(), Object.class, "getCells", DataRow.class, long.class)) {
            return getCells(row, -1L);
        }
        throw new UnsupportedOperationException(
            getClass().getName() + " must implement getCells(DataRow) or getCells(DataRow, long).");
    }

    /** The new cells of the row with the given 0-based index; by default {@link #getCells(DataRow)}. */
    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    DataColumnSpec[] getColumnSpecs();

    /** @deprecated implement {@link #setProgress(long, long, RowKey, ExecutionMonitor)} */
    @Deprecated
    void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor exec);

    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((int)Math.min(curRowNr, Integer.MAX_VALUE), (int)Math.min(rowCount, Integer.MAX_VALUE),
            lastKey, exec);
    }
}
