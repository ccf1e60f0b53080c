package org.knime.core.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.RearrangeColumnsTable;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.util.DuplicateKeyException;

/**
 * Stand-in for KNIME's {@code ExecutionContext}: an {@link ExecutionMonitor} that also creates tables, all held in
 * memory. Tests create one with {@code new ExecutionContext(new DefaultNodeProgressMonitor(), null)} (or the
 * helpers in {@code org.vaenodes.knimestub}).
 */
public class ExecutionContext extends ExecutionMonitor {

    /** @deprecated KNIME creates execution contexts; the stand-in accepts {@code node == null}. */
    @Deprecated
    public ExecutionContext(final NodeProgressMonitor progMon, final Node node) {
        super(progMon);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    /** The domain flag has no effect in the stand-in. */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec);
    }

    /** @deprecated the cache size has no effect in the stand-in */
    @Deprecated
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain,
        final int maxCellsInMemory) {
        return new BufferedDataContainer(spec);
    }

    /** Copies the table into a {@link BufferedDataTable} (returns it as is if it is one). */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable) {
            return (BufferedDataTable)table;
        }
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        for (DataRow row : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    public BufferedDataTable[] createBufferedDataTables(final DataTable[] tables, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        BufferedDataTable[] r = new BufferedDataTable[tables.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = createBufferedDataTable(tables[i], exec);
        }
        return r;
    }

    /** Applies the rearranger to the table (cell factories are called row by row). */
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in,
        final ColumnRearranger rearranger, final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        RearrangeColumnsTable t = RearrangeColumnsTable.create(rearranger, in, subProgressMon, this);
        List<DataRow> rows = new ArrayList<>();
        t.iterator().forEachRemaining(rows::add);
        return new BufferedDataTable(t.getDataTableSpec(), rows);
    }

    /**
     * The rows of all tables, one after the other. All tables must have the same column names in the same order
     * (column types are merged) and no row key may occur twice.
     */
    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        if (tables.length == 0) {
            throw new IllegalArgumentException("Nothing to concatenate.");
        }
        DataTableSpec first = tables[0].getDataTableSpec();
        DataColumnSpec[] cols = new DataColumnSpec[first.getNumColumns()];
        for (int i = 0; i < cols.length; i++) {
            DataType type = first.getColumnSpec(i).getType();
            for (BufferedDataTable t : tables) {
                DataTableSpec s = t.getDataTableSpec();
                if (s.getNumColumns() != cols.length || !s.getColumnSpec(i).getName().equals(
                    first.getColumnSpec(i).getName())) {
                    throw new IllegalArgumentException("Tables to concatenate must have the same columns.");
                }
                type = DataType.getCommonSuperType(type, s.getColumnSpec(i).getType());
            }
            DataColumnSpecCreator cr = new DataColumnSpecCreator(first.getColumnSpec(i));
            cr.setType(type);
            cols[i] = cr.createSpec();
        }
        List<DataRow> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (BufferedDataTable t : tables) {
            for (DataRow r : t.rows()) {
                exec.checkCanceled();
                if (!keys.add(r.getKey().getString())) {
                    throw new DuplicateKeyException("Duplicate row ID \"" + r.getKey() + "\" in concatenation.");
                }
                rows.add(r);
            }
        }
        return new BufferedDataTable(new DataTableSpec(first.getName(), cols), rows);
    }

    /** The columns of both tables side by side; both must have the same row keys in the same order. */
    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        DataTableSpec spec = new DataTableSpec(left.getDataTableSpec(), right.getDataTableSpec());
        if (left.size() != right.size()) {
            throw new IllegalArgumentException("Tables to join differ in size: " + left.size() + " vs. "
                + right.size() + " rows.");
        }
        List<DataRow> rows = new ArrayList<>();
        List<DataRow> l = left.rows();
        List<DataRow> r = right.rows();
        for (int i = 0; i < l.size(); i++) {
            exec.checkCanceled();
            DataRow a = l.get(i);
            DataRow b = r.get(i);
            if (!a.getKey().equals(b.getKey())) {
                throw new IllegalArgumentException("Row keys differ at row " + i + ": \"" + a.getKey() + "\" vs. \""
                    + b.getKey() + "\".");
            }
            DataCell[] cells = new DataCell[a.getNumCells() + b.getNumCells()];
            for (int j = 0; j < a.getNumCells(); j++) {
                cells[j] = a.getCell(j);
            }
            for (int j = 0; j < b.getNumCells(); j++) {
                cells[a.getNumCells() + j] = b.getCell(j);
            }
            rows.add(new DefaultRow(a.getKey(), cells));
        }
        return new BufferedDataTable(spec, rows);
    }

    /** The same rows under a new spec with the same number of columns. */
    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        if (newSpec.getNumColumns() != in.getDataTableSpec().getNumColumns()) {
            throw new IllegalArgumentException("The new spec has " + newSpec.getNumColumns() + " columns, the table "
                + in.getDataTableSpec().getNumColumns() + ".");
        }
        return new BufferedDataTable(newSpec, in.rows());
    }

    /** An empty table with the given spec. */
    public BufferedDataTable createVoidTable(final DataTableSpec spec) {
        return new BufferedDataTable(spec, List.of());
    }

    public BufferedDataTable createWrappedTable(final BufferedDataTable in) {
        return new BufferedDataTable(in.getDataTableSpec(), in.rows());
    }

    /** Nothing to free in the stand-in. */
    public void clearTable(final BufferedDataTable table) {
        // in-memory tables are garbage collected
    }

    /** A context whose progress 0..1 covers {@code maxProg} of this context's progress. */
    @SuppressWarnings("deprecation")
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubProgressMonitor(getProgressMonitor(), maxProg, false, true), null);
    }

    /** Like {@link #createSubExecutionContext(double)}, but its messages are not shown. */
    @SuppressWarnings("deprecation")
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubProgressMonitor(getProgressMonitor(), maxProg, true, true), null);
    }
}
