package org.knime.core.data;

/** Stand-in for KNIME's {@code DoubleValue}: values with a double representation. */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
