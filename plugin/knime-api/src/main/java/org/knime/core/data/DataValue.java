package org.knime.core.data;

/** Stand-in for KNIME's {@code DataValue}: the marker interface of all cell value interfaces. */
public interface DataValue {
}
