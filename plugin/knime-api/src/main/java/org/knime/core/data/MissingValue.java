package org.knime.core.data;

/** Stand-in for KNIME's {@code MissingValue}: the value of a missing cell. */
public interface MissingValue extends DataValue {
}
