package org.knime.core.node.util.filter.column;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.util.filter.NameFilterConfiguration;
import org.knime.core.node.util.filter.NameFilterPanel;

/**
 * Stand-in for KNIME's {@code DataColumnSpecFilterPanel}, without widgets. Besides the lists and the pattern page
 * (see {@link NameFilterPanel}) it has the type page, which shows one check box per value class: first the
 * preferred value classes of the input's columns in column order, then KNIME's default types (Boolean, Integer,
 * Double, Long, String, Date and Time) not yet shown, then selected classes of the configuration that the input
 * lacks. Unselected classes the input lacks are dropped. On save every shown box is written, so an untouched OK
 * adds these keys to a configuration that had none (as KNIME 5.5.3 does; see shared/knime-real).
 */
@SuppressWarnings("serial")
public class DataColumnSpecFilterPanel extends NameFilterPanel<DataColumnSpec> {

    /** KNIME's default type list (TypeFilterPanelImpl), by value class name, in its order. */
    private static final List<String> DEFAULT_TYPES = List.of("org.knime.core.data.BooleanValue",
        "org.knime.core.data.IntValue", "org.knime.core.data.DoubleValue", "org.knime.core.data.LongValue",
        "org.knime.core.data.StringValue", "org.knime.core.data.date.DateAndTimeValue");

    private LinkedHashMap<String, Boolean> m_typeBoxes = new LinkedHashMap<>();

    private boolean m_typesLoaded;

    public DataColumnSpecFilterPanel() {
    }

    public void loadConfiguration(final DataColumnSpecFilterConfiguration config, final DataTableSpec spec) {
        DataTableSpec s = spec == null ? new DataTableSpec() : spec;
        List<String> names = new java.util.ArrayList<>();
        LinkedHashMap<String, Boolean> boxes = new LinkedHashMap<>();
        for (DataColumnSpec c : s) {
            if (config.getFilter() == null || config.getFilter().include(c)) {
                names.add(c.getName());
                Class<? extends DataValue> preferred = c.getType().getPreferredValueClass();
                if (preferred != null) {
                    boxes.putIfAbsent(preferred.getName(), Boolean.FALSE);
                }
            }
        }
        for (String t : DEFAULT_TYPES) {
            boxes.putIfAbsent(t, Boolean.FALSE);
        }
        for (Map.Entry<String, Boolean> e : config.getTypeConfig().getSelections().entrySet()) {
            if (boxes.containsKey(e.getKey())) {
                boxes.put(e.getKey(), e.getValue());
            } else if (Boolean.TRUE.equals(e.getValue())) {
                boxes.put(e.getKey(), Boolean.TRUE);
            }
        }
        super.loadConfiguration(config, names.toArray(new String[0]));
        m_typeBoxes = boxes;
        m_typesLoaded = true;
    }

    @Override
    public void saveConfiguration(final NameFilterConfiguration config) {
        super.saveConfiguration(config);
        if (m_typesLoaded && config instanceof DataColumnSpecFilterConfiguration) {
            ((DataColumnSpecFilterConfiguration)config).getTypeConfig()
                .setSelections(new LinkedHashMap<>(m_typeBoxes));
        }
    }
}
