package org.knime.core.data;

/** Stand-in for KNIME's {@code DataRow}: a row key and a fixed number of cells. */
public interface DataRow extends Iterable<DataCell> {

    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);
}
