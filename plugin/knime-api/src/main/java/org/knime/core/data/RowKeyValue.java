package org.knime.core.data;

/** Stand-in for KNIME's {@code RowKeyValue}: a row identifier. */
public interface RowKeyValue {

    String getString();
}
