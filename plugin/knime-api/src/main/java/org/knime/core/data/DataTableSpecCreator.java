package org.knime.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stand-in for KNIME's {@code DataTableSpecCreator}: builds {@link DataTableSpec}s. */
public final class DataTableSpecCreator {

    private String m_name;

    private final List<DataColumnSpec> m_columns = new ArrayList<>();

    private final Map<String, String> m_properties = new LinkedHashMap<>();

    public DataTableSpecCreator() {
        m_name = null;
    }

    public DataTableSpecCreator(final DataTableSpec spec) {
        m_name = spec.getName();
        spec.forEach(m_columns::add);
        m_properties.putAll(spec.getProperties());
    }

    public DataTableSpecCreator setName(final String name) {
        m_name = name;
        return this;
    }

    public DataTableSpecCreator addColumns(final DataColumnSpec... columns) {
        for (DataColumnSpec c : columns) {
            m_columns.add(c);
        }
        return this;
    }

    public DataTableSpecCreator addColumns(final DataTableSpec spec) {
        spec.forEach(m_columns::add);
        return this;
    }

    public DataTableSpecCreator replaceColumn(final int index, final DataColumnSpec column) {
        m_columns.set(index, column);
        return this;
    }

    public DataTableSpecCreator dropAllColumns() {
        m_columns.clear();
        return this;
    }

    /** Nothing to drop in the stand-in (it keeps no domains). */
    public DataTableSpecCreator dropAllDomains() {
        return this;
    }

    public DataTableSpecCreator putProperty(final String key, final String value) {
        m_properties.put(key, value);
        return this;
    }

    public DataTableSpecCreator putProperties(final Map<String, String> properties) {
        m_properties.putAll(properties);
        return this;
    }

    public DataTableSpec createSpec() {
        return new DataTableSpec(m_name, m_columns.toArray(new DataColumnSpec[0]), m_properties);
    }
}
