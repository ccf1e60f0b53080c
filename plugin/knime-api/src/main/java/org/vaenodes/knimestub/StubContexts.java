package org.vaenodes.knimestub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeProgressMonitor;

/**
 * Execution contexts and tables for tests.
 *
 * <pre>
 * ExecutionContext exec = StubContexts.newExecutionContext();
 * BufferedDataTable in = StubContexts.table(exec, spec, new DefaultRow(new RowKey("Row0"), new DoubleCell(1), new DoubleCell(2)));
 * ... model code ...
 * StubContexts.progress(exec).messageHistory();   // what the node reported
 * StubContexts.cancel(exec);                      // next exec.checkCanceled() throws
 * </pre>
 */
public final class StubContexts {

    private StubContexts() {
    }

    /** A context on a fresh {@link RecordingProgressMonitor}. */
    public static ExecutionContext newExecutionContext() {
        return newExecutionContext(new RecordingProgressMonitor());
    }

    /** A context on the given monitor. */
    @SuppressWarnings("deprecation")
    public static ExecutionContext newExecutionContext(final NodeProgressMonitor monitor) {
        return new ExecutionContext(monitor, null);
    }

    /** The recording monitor behind a context made by {@link #newExecutionContext()} (not a sub-context). */
    public static RecordingProgressMonitor progress(final ExecutionMonitor exec) {
        NodeProgressMonitor m = exec.getProgressMonitor();
        if (!(m instanceof RecordingProgressMonitor)) {
            throw new IllegalArgumentException("Not a context made by StubContexts.newExecutionContext() (monitor is "
                + m.getClass().getName() + ").");
        }
        return (RecordingProgressMonitor)m;
    }

    /** Requests cancellation: the next {@code checkCanceled()} on the context or its sub-contexts throws. */
    public static void cancel(final ExecutionMonitor exec) {
        exec.getProgressMonitor().setExecuteCanceled();
    }

    /** A table of the given rows (checked against the spec as KNIME does). */
    public static BufferedDataTable table(final ExecutionContext exec, final DataTableSpec spec,
        final DataRow... rows) {
        return table(exec, spec, Arrays.asList(rows));
    }

    /** A table of the given rows (checked against the spec as KNIME does). */
    public static BufferedDataTable table(final ExecutionContext exec, final DataTableSpec spec,
        final Iterable<? extends DataRow> rows) {
        BufferedDataContainer c = exec.createDataContainer(spec);
        for (DataRow r : rows) {
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }

    /** All rows of a table, in order. */
    public static List<DataRow> rows(final DataTable table) {
        List<DataRow> r = new ArrayList<>();
        if (table instanceof BufferedDataTable) {
            try (CloseableRowIterator it = ((BufferedDataTable)table).iterator()) {
                it.forEachRemaining(r::add);
            }
        } else {
            table.forEach(r::add);
        }
        return r;
    }
}
