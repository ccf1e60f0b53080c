package org.knime.core.data;

/** Stand-in for KNIME's {@code BooleanValue}: boolean values. */
public interface BooleanValue extends DataValue {

    boolean getBooleanValue();
}
