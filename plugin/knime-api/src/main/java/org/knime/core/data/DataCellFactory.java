package org.knime.core.data;

import java.io.IOException;
import java.io.InputStream;

/** Stand-in for KNIME's {@code DataCellFactory}: creates cells of one type. */
public interface DataCellFactory {

    DataType getDataType();

    /** Factories that create cells from a byte stream. */
    interface FromInputStream extends DataCellFactory {

        DataCell createCell(InputStream input) throws IOException;
    }
}
