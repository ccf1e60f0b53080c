package org.knime.core.data;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME's {@code DataColumnSpec}: name, type, properties and element names of a column (created with
 * {@link DataColumnSpecCreator}). Domains and colour/shape/size handlers are not part of the stand-in.
 */
public final class DataColumnSpec {

    private static final String CFG_NAME = "column_name";

    private static final String CFG_TYPE = "column_type";

    private static final String CFG_PROPS = "column_properties";

    private static final String CFG_ELEMENT_NAMES = "element_names";

    private final String m_name;

    private final DataType m_type;

    private final DataColumnProperties m_props;

    private final List<String> m_elementNames;

    DataColumnSpec(final String name, final DataType type, final DataColumnProperties props,
        final List<String> elementNames) {
        m_name = Objects.requireNonNull(name, "Column name must not be null.");
        m_type = Objects.requireNonNull(type, "Column type must not be null.");
        m_props = props == null ? new DataColumnProperties() : props;
        m_elementNames = elementNames == null ? null : List.copyOf(elementNames);
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnProperties getProperties() {
        return m_props;
    }

    /** Names of the elements of a vector column; by default just the column name. */
    public List<String> getElementNames() {
        return m_elementNames == null ? Collections.singletonList(m_name) : m_elementNames;
    }

    List<String> elementNamesOrNull() {
        return m_elementNames;
    }

    /** Same name and type. */
    public boolean equalStructure(final DataColumnSpec other) {
        return other != null && m_name.equals(other.m_name) && m_type.equals(other.m_type);
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_NAME, m_name);
        m_type.save(config.addConfig(CFG_TYPE));
        m_props.save(config.addConfig(CFG_PROPS));
        if (m_elementNames != null) {
            config.addStringArray(CFG_ELEMENT_NAMES, m_elementNames.toArray(new String[0]));
        }
    }

    public static DataColumnSpec load(final ConfigRO config) throws InvalidSettingsException {
        String name = config.getString(CFG_NAME);
        DataType type = DataType.load(config.getConfig(CFG_TYPE));
        DataColumnProperties props =
            config.containsKey(CFG_PROPS) ? DataColumnProperties.load(config.getConfig(CFG_PROPS)) : null;
        String[] elements = config.getStringArray(CFG_ELEMENT_NAMES, (String[])null);
        return new DataColumnSpec(name, type, props, elements == null ? null : List.of(elements));
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataColumnSpec)) {
            return false;
        }
        DataColumnSpec o = (DataColumnSpec)obj;
        return equalStructure(o) && m_props.equals(o.m_props) && getElementNames().equals(o.getElementNames());
    }

    @Override
    public int hashCode() {
        return 31 * m_name.hashCode() + m_type.hashCode();
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",type=" + m_type;
    }
}
