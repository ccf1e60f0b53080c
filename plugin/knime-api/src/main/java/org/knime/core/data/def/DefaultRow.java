package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Stand-in for KNIME's {@code DefaultRow}: an immutable row of cells. */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_cells;

    public DefaultRow(final RowKey key, final DataCell... cells) {
        if (key == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        if (cells == null) {
            throw new NullPointerException("Cells must not be null.");
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                throw new NullPointerException("Cell " + i + " of row " + key + " is null (use a missing cell).");
            }
        }
        m_key = key;
        m_cells = cells.clone();
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_cells)).iterator();
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataRow)) {
            return false;
        }
        DataRow o = (DataRow)obj;
        if (!m_key.equals(o.getKey()) || o.getNumCells() != m_cells.length) {
            return false;
        }
        for (int i = 0; i < m_cells.length; i++) {
            if (!m_cells[i].equals(o.getCell(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * m_key.hashCode() + Arrays.hashCode(m_cells);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(m_key.toString()).append(": (");
        for (int i = 0; i < m_cells.length; i++) {
            b.append(i > 0 ? ", " : "").append(m_cells[i]);
        }
        return b.append(')').toString();
    }
}
