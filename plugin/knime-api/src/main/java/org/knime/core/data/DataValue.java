package org.knime.core.data;

/** Stand-in for KNIME's {@code DataValue}: the marker interface of all cell value interfaces. */
public interface DataValue {

    /** A cell holding this value; cells return themselves. */
    default DataCell materializeDataCell() {
        if (this instanceof DataCell) {
            return (DataCell)this;
        }
        throw new UnsupportedOperationException(getClass().getName() + " cannot be materialized to a DataCell.");
    }
}
