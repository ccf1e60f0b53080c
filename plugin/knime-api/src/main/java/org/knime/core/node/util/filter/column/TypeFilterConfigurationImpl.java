package org.knime.core.node.util.filter.column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Stand-in for KNIME's package-private {@code TypeFilterConfigurationImpl}: the "Type selection" page, saved as
 * {@code datatype/typelist/<value class name> = boolean} in the order of its map. The model load takes every key
 * that is there; the dialog load keeps what is there and ignores a missing list.
 */
final class TypeFilterConfigurationImpl implements Cloneable {

    static final String TYPE = "datatype";

    private static final String CFG_TYPELIST = "typelist";

    private LinkedHashMap<String, Boolean> m_selections = new LinkedHashMap<>();

    private final InputFilter<DataColumnSpec> m_filter;

    TypeFilterConfigurationImpl(final InputFilter<DataColumnSpec> filter) {
        m_filter = filter;
    }

    void loadConfigurationInModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_selections.clear();
        NodeSettingsRO list = settings.getNodeSettings(CFG_TYPELIST);
        for (String key : list.keySet()) {
            m_selections.put(key, list.getBoolean(key, false));
        }
    }

    void loadConfigurationInDialog(final NodeSettingsRO settings) {
        m_selections.clear();
        try {
            NodeSettingsRO list = settings.getNodeSettings(CFG_TYPELIST);
            for (String key : list.keySet()) {
                m_selections.put(key, list.getBoolean(key, false));
            }
        } catch (InvalidSettingsException e) {
            // no list yet: nothing selected
        }
    }

    void saveConfiguration(final NodeSettingsWO settings) {
        NodeSettingsWO list = settings.addNodeSettings(CFG_TYPELIST);
        for (Map.Entry<String, Boolean> e : m_selections.entrySet()) {
            list.addBoolean(e.getKey(), e.getValue());
        }
    }

    /** Columns whose preferred value class is selected are included, all others excluded. */
    FilterResult applyTo(final Iterable<DataColumnSpec> columns) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (DataColumnSpec c : columns) {
            Class<? extends DataValue> preferred = c.getType().getPreferredValueClass();
            boolean selected = (m_filter == null || m_filter.include(c)) && preferred != null
                && Boolean.TRUE.equals(m_selections.get(preferred.getName()));
            (selected ? in : out).add(c.getName());
        }
        return new FilterResult(in, out, List.of(), List.of());
    }

    Map<String, Boolean> getSelections() {
        return m_selections;
    }

    void setSelections(final LinkedHashMap<String, Boolean> selections) {
        m_selections = selections;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected TypeFilterConfigurationImpl clone() {
        try {
            TypeFilterConfigurationImpl c = (TypeFilterConfigurationImpl)super.clone();
            c.m_selections = (LinkedHashMap<String, Boolean>)m_selections.clone();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof TypeFilterConfigurationImpl
            && m_selections.equals(((TypeFilterConfigurationImpl)obj).m_selections);
    }

    @Override
    public int hashCode() {
        return m_selections.hashCode();
    }
}
