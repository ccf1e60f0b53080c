package org.knime.core.data;

/** Stand-in for KNIME's {@code DataTable}: a spec and a way to iterate its rows. */
public interface DataTable extends Iterable<DataRow> {

    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
