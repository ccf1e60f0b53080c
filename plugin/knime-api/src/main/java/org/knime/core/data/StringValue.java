package org.knime.core.data;

/** Stand-in for KNIME's {@code StringValue}: values with a string representation. */
public interface StringValue extends DataValue {
}
