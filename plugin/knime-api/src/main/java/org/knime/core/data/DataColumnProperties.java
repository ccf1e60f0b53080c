package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME's {@code DataColumnProperties}: immutable string annotations of a column. */
public final class DataColumnProperties implements Cloneable {

    private final Map<String, String> m_props;

    public DataColumnProperties() {
        m_props = Collections.emptyMap();
    }

    /** Copies the given map; keys and values must not be {@code null}. */
    public DataColumnProperties(final Map<String, String> props) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new NullPointerException("Column property keys and values must not be null.");
            }
            copy.put(e.getKey(), e.getValue());
        }
        m_props = Collections.unmodifiableMap(copy);
    }

    public String getProperty(final String key) {
        return m_props.get(key);
    }

    public void save(final ConfigWO config) {
        for (Map.Entry<String, String> e : m_props.entrySet()) {
            config.addString(e.getKey(), e.getValue());
        }
    }

    public static DataColumnProperties load(final ConfigRO config) throws InvalidSettingsException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : config.keySet()) {
            m.put(key, config.getString(key));
        }
        return new DataColumnProperties(m);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof DataColumnProperties && ((DataColumnProperties)obj).m_props.equals(m_props));
    }

    @Override
    public int hashCode() {
        return m_props.hashCode();
    }

    @Override
    public String toString() {
        return m_props.toString();
    }
}
