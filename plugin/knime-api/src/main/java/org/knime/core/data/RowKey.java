package org.knime.core.data;

import java.util.Objects;

/** Stand-in for KNIME's {@code RowKey}: the unique, non-null identifier of a table row. */
public final class RowKey implements RowKeyValue {

    private final String m_key;

    public RowKey(final String key) {
        m_key = Objects.requireNonNull(key, "Row key must not be null.");
    }

    /** The key KNIME gives the row with the given 0-based index: {@code "Row" + index}. */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    @Override
    public String getString() {
        return m_key;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof RowKey && ((RowKey)obj).m_key.equals(m_key));
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }

    @Override
    public String toString() {
        return m_key;
    }
}
