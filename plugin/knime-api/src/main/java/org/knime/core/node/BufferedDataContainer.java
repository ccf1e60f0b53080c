package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/**
 * Stand-in for KNIME's {@code BufferedDataContainer}: a {@link DataContainer} whose table is a
 * {@link BufferedDataTable}. Created by {@link ExecutionContext#createDataContainer(DataTableSpec)}.
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_table;

    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    /** The table of the added rows; the container must be closed. */
    @Override
    public BufferedDataTable getTable() {
        if (m_table == null) {
            List<DataRow> rows = new ArrayList<>();
            super.getTable().forEach(rows::add);
            m_table = new BufferedDataTable(getTableSpec(), rows);
        }
        return m_table;
    }
}
