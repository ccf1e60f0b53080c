package org.knime.core.data;

import java.util.Objects;

/** Stand-in for KNIME's {@code MissingCell}: a missing value, optionally with the reason it is missing. */
public final class MissingCell extends DataCell implements MissingValue {

    private static final long serialVersionUID = 1L;

    private final String m_error;

    public MissingCell(final String error) {
        m_error = error;
    }

    @Override
    public String getError() {
        return m_error;
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
