package org.knime.core.data;

/** Stand-in for KNIME's {@code BoundedValue}: marker for values with a natural order and bounds. */
public interface BoundedValue extends DataValue {
}
