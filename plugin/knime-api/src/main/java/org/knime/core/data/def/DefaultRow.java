package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

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

    public DefaultRow(final String key, final DataCell... cells) {
        this(new RowKey(key), cells);
    }

    public DefaultRow(final RowKey key, final List<DataCell> cells) {
        this(key, cells.toArray(new DataCell[0]));
    }

    public DefaultRow(final String key, final List<DataCell> cells) {
        this(new RowKey(key), cells);
    }

    public DefaultRow(final RowKey key, final DataRow row) {
        this(key, cellsOf(row));
    }

    public DefaultRow(final String key, final DataRow row) {
        this(new RowKey(key), row);
    }

    public DefaultRow(final RowKey key, final double... values) {
        this(key, doubles(values));
    }

    public DefaultRow(final String key, final double... values) {
        this(new RowKey(key), values);
    }

    public DefaultRow(final RowKey key, final int... values) {
        this(key, ints(values));
    }

    public DefaultRow(final String key, final int... values) {
        this(new RowKey(key), values);
    }

    public DefaultRow(final RowKey key, final String... values) {
        this(key, strings(values));
    }

    public DefaultRow(final String key, final String... values) {
        this(new RowKey(key), values);
    }

    private static DataCell[] cellsOf(final DataRow row) {
        DataCell[] c = new DataCell[row.getNumCells()];
        for (int i = 0; i < c.length; i++) {
            c[i] = row.getCell(i);
        }
        return c;
    }

    private static DataCell[] doubles(final double... v) {
        DataCell[] c = new DataCell[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = new DoubleCell(v[i]);
        }
        return c;
    }

    private static DataCell[] ints(final int... v) {
        DataCell[] c = new DataCell[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = new IntCell(v[i]);
        }
        return c;
    }

    private static DataCell[] strings(final String... v) {
        DataCell[] c = new DataCell[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i] == null ? org.knime.core.data.DataType.getMissingCell() : new StringCell(v[i]);
        }
        return c;
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
