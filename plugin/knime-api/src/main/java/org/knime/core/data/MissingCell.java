package org.knime.core.data;

import java.util.Objects;

/** Stand-in for KNIME's {@code MissingCell}: a missing value. */
public final class MissingCell extends DataCell implements MissingValue {

    private static final long serialVersionUID = 1L;

    /** The reason is not kept: nothing in the stand-in or the nodes reads it back. */
    public MissingCell(final String error) {
    }

    @Override
    public boolean isMissing() {
        return true;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(null) + 17;
    }

    @Override
    public String toString() {
        return "?";
    }
}
