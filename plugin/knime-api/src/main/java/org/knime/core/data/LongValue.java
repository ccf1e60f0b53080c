package org.knime.core.data;

/** Stand-in for KNIME's {@code LongValue}: values with a long representation. */
public interface LongValue extends DataValue {
}
