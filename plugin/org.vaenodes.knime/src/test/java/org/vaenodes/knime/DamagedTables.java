package org.vaenodes.knime;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.vaenodes.knimestub.StubContexts;

/** Tables with values no image has: NaN and infinite pixels. */
public final class DamagedTables {

    private DamagedTables() {
    }

    /** The table with cell {@code column} of row {@code row} set to {@code value}. */
    public static BufferedDataTable withValue(final ExecutionContext exec, final BufferedDataTable in, final int row,
        final int column, final double value) {
        List<DataRow> rows = new ArrayList<>();
        int i = 0;
        for (DataRow r : StubContexts.rows(in)) {
            DataCell[] cells = new DataCell[r.getNumCells()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = i == row && c == column ? new DoubleCell(value) : r.getCell(c);
            }
            rows.add(new DefaultRow(r.getKey(), cells));
            i++;
        }
        return StubContexts.table(exec, in.getDataTableSpec(), rows);
    }
}
