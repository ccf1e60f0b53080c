package org.knime.core.data;

/** Stand-in for KNIME's {@code NominalValue}: marker for nominal values. */
public interface NominalValue extends DataValue {
}
