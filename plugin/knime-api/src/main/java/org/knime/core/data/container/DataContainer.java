package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.util.DuplicateKeyException;

/**
 * Stand-in for KNIME's {@code DataContainer}: collects rows in memory, then {@link #close()} and
 * {@link #getTable()}. Checks what KNIME checks when rows are added: open container, number of cells, cell types
 * against the column types, and unique row keys.
 */
public class DataContainer implements RowAppender, RowFlushable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private boolean m_closed;

    private DataTable m_table;

    public DataContainer(final DataTableSpec spec) {
        m_spec = Objects.requireNonNull(spec, "Table spec must not be null.");
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Cannot add rows: the container is closed.");
        }
        Objects.requireNonNull(row, "Row must not be null.");
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has " + row.getNumCells()
                + " cells, the table spec has " + m_spec.getNumColumns() + " columns.");
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            DataCell c = row.getCell(i);
            if (c == null) {
                throw new NullPointerException("Cell " + i + " of row \"" + row.getKey() + "\" is null.");
            }
            DataColumnSpec col = m_spec.getColumnSpec(i);
            if (!c.isMissing() && !col.getType().isASuperTypeOf(c.getType())) {
                throw new IllegalArgumentException("Runtime type of cell at index " + i + " in row \""
                    + row.getKey() + "\" (" + c.getType() + ") does not fit the type of column \"" + col.getName()
                    + "\" (" + col.getType() + ").");
            }
        }
        String key = row.getKey().getString();
        if (!m_keys.add(key)) {
            throw new DuplicateKeyException("Encountered duplicate row ID \"" + key + "\".");
        }
        m_rows.add(row);
    }

    public void close() {
        m_closed = true;
    }

    public DataTableSpec getTableSpec() {
        return m_spec;
    }

    /** The table of the added rows; the container must be closed. */
    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Cannot get the table: the container is not closed.");
        }
        if (m_table == null) {
            List<DataRow> rows = Collections.unmodifiableList(m_rows);
            m_table = new DataTable() {
                @Override
                public DataTableSpec getDataTableSpec() {
                    return m_spec;
                }

                @Override
                public RowIterator iterator() {
                    return CloseableRowIterator.from(rows.iterator());
                }
            };
        }
        return m_table;
    }
}
