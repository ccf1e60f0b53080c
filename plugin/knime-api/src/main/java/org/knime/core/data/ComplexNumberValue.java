package org.knime.core.data;

/** Stand-in for KNIME's {@code ComplexNumberValue}: complex numbers. */
public interface ComplexNumberValue extends DataValue {
}
