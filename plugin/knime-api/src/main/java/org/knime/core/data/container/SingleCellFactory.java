package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;

/** Stand-in for KNIME's {@code SingleCellFactory}: a factory for one new column; implement a {@code getCell}. */
public abstract class SingleCellFactory extends AbstractCellFactory {

    public SingleCellFactory(final DataColumnSpec newColSpec) {
        super(newColSpec);
    }

    public SingleCellFactory(final boolean processConcurrently, final DataColumnSpec newColSpec) {
        super(processConcurrently, newColSpec);
    }

    public SingleCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec newColSpec) {
        super(processConcurrently, workerCount, maxQueueSize, newColSpec);
    }

    /** The new cell of the row; by default delegates to {@link #getCell(DataRow, long)} if that is overridden. */
    public DataCell getCell(final DataRow row) {
        if (CellFactorySupport.overrides(getClass(), SingleCellFactory.class, "getCell", DataRow.class,
            long.class)) {
            return getCell(row, -1L);
        }
        throw new UnsupportedOperationException(
            getClass().getName() + " must implement getCell(DataRow) or getCell(DataRow, long).");
    }

    /** The new cell of the row with the given 0-based index; by default {@link #getCell(DataRow)}. */
    public DataCell getCell(final DataRow row, final long rowIndex) {
        return getCell(row);
    }

    @Override
    public DataCell[] getCells(final DataRow row, final long rowIndex) {
        return new DataCell[]{getCell(row, rowIndex)};
    }
}
