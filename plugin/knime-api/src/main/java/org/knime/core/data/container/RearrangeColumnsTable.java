package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code RearrangeColumnsTable}: the result of applying a {@link ColumnRearranger} to a table.
 * The stand-in computes all rows eagerly in {@link #create}, calling the factories row by row with progress and
 * cancellation checks, then {@link AbstractCellFactory#afterProcessing()}.
 */
public final class RearrangeColumnsTable implements DataTable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    private RearrangeColumnsTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = rows;
    }

    public static RearrangeColumnsTable create(final ColumnRearranger rearranger, final BufferedDataTable table,
        final ExecutionMonitor subProgress, final ExecutionContext context) throws CanceledExecutionException {
        if (!table.getDataTableSpec().equalStructure(rearranger.originalSpec())) {
            throw new IllegalArgumentException("The rearranger was made for another table spec.");
        }
        DataTableSpec spec = rearranger.createSpec();
        List<CellFactory> factories = rearranger.factories();
        long count = table.size();
        List<DataRow> rows = new ArrayList<>();
        long i = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                subProgress.checkCanceled();
                DataRow in = it.next();
                rows.add(rearranger.apply(in, i));
                i++;
                for (CellFactory f : factories) {
                    f.setProgress(i, count, in.getKey(), subProgress);
                }
            }
        }
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory) {
                ((AbstractCellFactory)f).afterProcessing();
            }
        }
        return new RearrangeColumnsTable(spec, rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.from(m_rows.iterator());
    }

    public long size() {
        return m_rows.size();
    }
}
