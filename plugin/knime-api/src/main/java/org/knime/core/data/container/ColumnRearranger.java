package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;

/**
 * Stand-in for KNIME's {@code ColumnRearranger}: describes the output columns of a table as kept input columns
 * and columns computed by {@link CellFactory}s. Apply it with
 * {@link org.knime.core.node.ExecutionContext#createColumnRearrangeTable}.
 */
public class ColumnRearranger {

    /** One output column: an input column index, or column {@code m_factoryIndex} of {@code m_factory}. */
    static final class Column {
        final DataColumnSpec m_spec;

        final int m_inputIndex;

        final CellFactory m_factory;

        final int m_factoryIndex;

        Column(final DataColumnSpec spec, final int inputIndex, final CellFactory factory, final int factoryIndex) {
            m_spec = spec;
            m_inputIndex = inputIndex;
            m_factory = factory;
            m_factoryIndex = factoryIndex;
        }
    }

    private final DataTableSpec m_original;

    private final List<Column> m_columns = new ArrayList<>();

    public ColumnRearranger(final DataTableSpec original) {
        m_original = original;
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_columns.add(new Column(original.getColumnSpec(i), i, null, -1));
        }
    }

    private static List<Column> columnsOf(final CellFactory factory) {
        DataColumnSpec[] specs = factory.getColumnSpecs();
        List<Column> r = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            r.add(new Column(specs[i], -1, factory, i));
        }
        return r;
    }

    public final int getColumnCount() {
        return m_columns.size();
    }

    /** Current position of the named column, -1 if there is none. */
    public final int indexOf(final String colName) {
        for (int i = 0; i < m_columns.size(); i++) {
            if (m_columns.get(i).m_spec.getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    private int checkedIndexOf(final String colName) {
        int i = indexOf(colName);
        if (i < 0) {
            throw new IllegalArgumentException("No column \"" + colName + "\" in the rearranger.");
        }
        return i;
    }

    private int[] checkedIndicesOf(final String... colNames) {
        int[] r = new int[colNames.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = checkedIndexOf(colNames[i]);
        }
        return r;
    }

    public final void append(final CellFactory factory) {
        m_columns.addAll(columnsOf(factory));
    }

    public final void insertAt(final int position, final CellFactory factory) {
        m_columns.addAll(position, columnsOf(factory));
    }

    public final void remove(final int... colIndices) {
        int[] sorted = colIndices.clone();
        Arrays.sort(sorted);
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (i < sorted.length - 1 && sorted[i] == sorted[i + 1]) {
                continue;
            }
            m_columns.remove(sorted[i]);
        }
    }

    public final void remove(final String... colNames) {
        remove(checkedIndicesOf(colNames));
    }

    public final void keepOnly(final int... colIndices) {
        Set<Integer> keep = new LinkedHashSet<>();
        for (int i : colIndices) {
            if (i < 0 || i >= m_columns.size()) {
                throw new IndexOutOfBoundsException("Column index " + i + " out of range.");
            }
            keep.add(i);
        }
        List<Column> kept = new ArrayList<>();
        for (int i = 0; i < m_columns.size(); i++) {
            if (keep.contains(i)) {
                kept.add(m_columns.get(i));
            }
        }
        m_columns.clear();
        m_columns.addAll(kept);
    }

    public final void keepOnly(final String... colNames) {
        keepOnly(checkedIndicesOf(colNames));
    }

    public final void move(final int from, final int to) {
        Column c = m_columns.remove(from);
        m_columns.add(Math.min(to, m_columns.size()), c);
    }

    public final void move(final String colName, final int to) {
        move(checkedIndexOf(colName), to);
    }

    /** Reorders all columns: {@code order[i]} is the current index of the column that goes to position i. */
    public final void permute(final int[] order) {
        if (order.length != m_columns.size()) {
            throw new IllegalArgumentException("The permutation must name all " + m_columns.size() + " columns.");
        }
        List<Column> r = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (int i : order) {
            if (!seen.add(i)) {
                throw new IllegalArgumentException("Column index " + i + " appears twice in the permutation.");
            }
            r.add(m_columns.get(i));
        }
        m_columns.clear();
        m_columns.addAll(r);
    }

    public final void permute(final String[] colNames) {
        permute(checkedIndicesOf(colNames));
    }

    /** Replaces the columns at the given positions by the factory's columns (one per position). */
    public final void replace(final CellFactory factory, final int... colIndices) {
        List<Column> news = columnsOf(factory);
        if (news.size() != colIndices.length) {
            throw new IllegalArgumentException("The factory creates " + news.size() + " columns but "
                + colIndices.length + " are to be replaced.");
        }
        for (int i = 0; i < colIndices.length; i++) {
            m_columns.set(colIndices[i], news.get(i));
        }
    }

    public final void replace(final CellFactory factory, final String colName) {
        replace(factory, checkedIndexOf(colName));
    }

    /** The spec of the table this rearranger produces. */
    public final DataTableSpec createSpec() {
        DataColumnSpec[] specs = new DataColumnSpec[m_columns.size()];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = m_columns.get(i).m_spec;
        }
        return new DataTableSpec(m_original.getName(), specs);
    }

    DataTableSpec originalSpec() {
        return m_original;
    }

    /** The factories in use, in order of first use. */
    List<CellFactory> factories() {
        Map<CellFactory, Boolean> seen = new IdentityHashMap<>();
        List<CellFactory> r = new ArrayList<>();
        for (Column c : m_columns) {
            if (c.m_factory != null && seen.put(c.m_factory, Boolean.TRUE) == null) {
                r.add(c.m_factory);
            }
        }
        return r;
    }

    /** Computes the output row for an input row. */
    DataRow apply(final DataRow in, final long rowIndex) {
        Map<CellFactory, DataCell[]> computed = new IdentityHashMap<>();
        DataCell[] out = new DataCell[m_columns.size()];
        for (int i = 0; i < out.length; i++) {
            Column c = m_columns.get(i);
            if (c.m_factory == null) {
                out[i] = in.getCell(c.m_inputIndex);
                continue;
            }
            DataCell[] cells = computed.get(c.m_factory);
            if (cells == null) {
                cells = c.m_factory.getCells(in, rowIndex);
                int expected = c.m_factory.getColumnSpecs().length;
                if (cells == null || cells.length != expected) {
                    throw new IllegalStateException(c.m_factory.getClass().getName() + " returned "
                        + (cells == null ? "null" : cells.length + " cells") + " for row \"" + in.getKey()
                        + "\"; expected " + expected + " cells.");
                }
                computed.put(c.m_factory, cells);
            }
            out[i] = cells[c.m_factoryIndex];
        }
        return new DefaultRow(in.getKey(), out);
    }
}
