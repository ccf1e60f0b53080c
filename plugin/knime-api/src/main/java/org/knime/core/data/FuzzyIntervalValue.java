package org.knime.core.data;

/** Stand-in for KNIME's {@code FuzzyIntervalValue}: fuzzy intervals. */
public interface FuzzyIntervalValue extends DataValue {
}
