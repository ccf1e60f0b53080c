package org.knime.core.data;

import java.util.List;
import java.util.Objects;

/** Stand-in for KNIME's {@code DataColumnSpecCreator}: builds {@link DataColumnSpec}s. */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private DataColumnProperties m_props = new DataColumnProperties();

    private List<String> m_elementNames;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    public DataColumnSpecCreator(final DataColumnSpec spec) {
        m_name = spec.getName();
        m_type = spec.getType();
        m_props = spec.getProperties();
        m_elementNames = spec.elementNamesOrNull();
    }

    public void setName(final String name) {
        Objects.requireNonNull(name, "Column name must not be null.");
        if (name.trim().isEmpty()) {
            throw new IllegalArgumentException("Column name must not be empty.");
        }
        m_name = name;
    }

    public void setType(final DataType type) {
        m_type = Objects.requireNonNull(type, "Column type must not be null.");
    }

    public void setProperties(final DataColumnProperties props) {
        m_props = Objects.requireNonNull(props, "Column properties must not be null.");
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_props, m_elementNames);
    }
}
