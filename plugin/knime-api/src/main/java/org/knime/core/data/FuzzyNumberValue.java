package org.knime.core.data;

/** Stand-in for KNIME's {@code FuzzyNumberValue}: fuzzy numbers. */
public interface FuzzyNumberValue extends DataValue {
}
