package org.knime.core.data;

/** Stand-in for KNIME's {@code IntValue}: values with an int representation. */
public interface IntValue extends DataValue {

    int getIntValue();
}
