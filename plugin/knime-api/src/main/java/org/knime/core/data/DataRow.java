package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Stand-in for KNIME's {@code DataRow}: a row key and a fixed number of cells. */
public interface DataRow extends Iterable<DataCell> {

    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);

    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
