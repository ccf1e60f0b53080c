package org.knime.core.data;

import java.io.Serializable;

/**
 * Stand-in for KNIME's {@code DataCell}: an immutable value in a table cell. Subclasses implement
 * {@link #equalsDataCell}, {@link #hashCode} and {@link #toString}.
 */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    /** Compares with a cell of the same class; never called with {@code null} or a missing cell. */
    protected abstract boolean equalsDataCell(DataCell dc);

    /** Compares with a value of another cell class that shares this cell's preferred value. */
    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public final boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataCell)) {
            return false;
        }
        DataCell other = (DataCell)obj;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        if (getClass() == other.getClass()) {
            return equalsDataCell(other);
        }
        Class<? extends DataValue> preferred = getType().getPreferredValueClass();
        return preferred != DataValue.class && preferred.isInstance(other)
            && preferred == other.getType().getPreferredValueClass() && equalContent(other);
    }

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();
}
