package org.knime.core.data;

import java.util.Objects;

/** Stand-in for KNIME's {@code RowKey}: the unique, non-null identifier of a table row. */
public final class RowKey implements RowKeyValue {

    private final String m_key;

    public RowKey(final String key) {
        m_key = Objects.requireNonNull(key, "Row key must not be null.");
    }

    /** @deprecated use {@link #createRowKey(long)} */
    @Deprecated
    public static RowKey createRowKey(final int rowIndex) {
        return createRowKey((long)rowIndex);
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
    public RowKey materializeRowKey() {
        return this;
    }

    public static RowKey[] toRowKeys(final String... keys) {
        RowKey[] r = new RowKey[keys.length];
        for (int i = 0; i < keys.length; i++) {
            r[i] = new RowKey(keys[i]);
        }
        return r;
    }

    public static String[] toStrings(final RowKey... keys) {
        String[] r = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            r[i] = keys[i].getString();
        }
        return r;
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
