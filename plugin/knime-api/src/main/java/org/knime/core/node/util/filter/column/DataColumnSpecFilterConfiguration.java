package org.knime.core.node.util.filter.column;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration;

/**
 * Stand-in for KNIME's {@code DataColumnSpecFilterConfiguration}: a {@link NameFilterConfiguration} over the
 * columns of a table spec, optionally restricted by an {@link InputFilter} (e.g. to some column types), with
 * KNIME's third page, the type selection ({@link TypeFilterConfigurationImpl}), always saved as {@code datatype}
 * after the name pattern.
 */
public final class DataColumnSpecFilterConfiguration extends NameFilterConfiguration {

    public static final int FILTER_BY_DATATYPE = 32;

    private final InputFilter<DataColumnSpec> m_filter;

    private final int m_mask;

    private TypeFilterConfigurationImpl m_typeConfig;

    public DataColumnSpecFilterConfiguration(final String configRootName) {
        this(configRootName, null);
    }

    public DataColumnSpecFilterConfiguration(final String configRootName, final InputFilter<DataColumnSpec> filter) {
        this(configRootName, filter, FILTER_BY_NAMEPATTERN | FILTER_BY_DATATYPE);
    }

    public DataColumnSpecFilterConfiguration(final String configRootName, final InputFilter<DataColumnSpec> filter,
        final int filterEnableMask) {
        super(configRootName, filterEnableMask);
        m_filter = filter;
        m_mask = filterEnableMask;
        m_typeConfig = new TypeFilterConfigurationImpl(filter);
    }

    TypeFilterConfigurationImpl getTypeConfig() {
        return m_typeConfig;
    }

    public InputFilter<DataColumnSpec> getFilter() {
        return m_filter;
    }

    public boolean isTypeFilterEnabled() {
        return (m_mask & FILTER_BY_DATATYPE) != 0;
    }

    private String[] namesOf(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter) {
        List<String> names = new ArrayList<>();
        if (spec != null) {
            for (DataColumnSpec c : spec) {
                if (filter == null || filter.include(c)) {
                    names.add(c.getName());
                }
            }
        }
        return names.toArray(new String[0]);
    }

    /** Included and excluded columns of the spec (columns the input filter rejects are in neither list). */
    public FilterResult applyTo(final DataTableSpec spec) {
        if (TypeFilterConfigurationImpl.TYPE.equals(getType())) {
            return m_typeConfig.applyTo(spec);
        }
        return applyTo(namesOf(spec, m_filter));
    }

    /**
     * As KNIME: with {@code filterDefinesIncludeList}, columns accepted by {@code filter} go to the include list and
     * the rest to the exclude list, and new columns are excluded (enforce inclusion); without it, every column goes
     * to the exclude list and new columns are included (enforce exclusion). The filter type is left as it is.
     */
    public void loadDefault(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String name : namesOf(spec, m_filter)) {
            DataColumnSpec c = spec.getColumnSpec(name);
            if ((filter == null || filter.include(c)) && filterDefinesIncludeList) {
                in.add(name);
            } else {
                out.add(name);
            }
        }
        setIncludeList(in.toArray(new String[0]));
        setExcludeList(out.toArray(new String[0]));
        setEnforceOption(filterDefinesIncludeList ? EnforceOption.EnforceInclusion : EnforceOption.EnforceExclusion);
    }

    /** Loads the settings (defaults if absent) against the columns of the spec. */
    public void loadConfigurationInDialog(final NodeSettingsRO settings, final DataTableSpec spec) {
        loadConfigurationInDialog(settings, namesOf(spec, m_filter));
    }

    @Override
    protected void loadConfigurationInDialogChild(final NodeSettingsRO settings, final String[] names) {
        NodeSettingsRO typeSettings;
        try {
            typeSettings = settings.getNodeSettings(TypeFilterConfigurationImpl.TYPE);
        } catch (InvalidSettingsException e) {
            typeSettings = new NodeSettings("empty");
        }
        m_typeConfig.loadConfigurationInDialog(typeSettings);
    }

    @Override
    public void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            m_typeConfig.loadConfigurationInModel(settings.getNodeSettings(TypeFilterConfigurationImpl.TYPE));
        } catch (InvalidSettingsException e) {
            // only a type filter needs its page; older settings have none
            if (TypeFilterConfigurationImpl.TYPE.equals(getType())) {
                throw e;
            }
        }
    }

    @Override
    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        m_typeConfig.saveConfiguration(settings.addNodeSettings(TypeFilterConfigurationImpl.TYPE));
    }

    @Override
    protected boolean verifyType(final String type) {
        return super.verifyType(type) || (isTypeFilterEnabled() && TypeFilterConfigurationImpl.TYPE.equals(type));
    }

    @Override
    public DataColumnSpecFilterConfiguration clone() {
        DataColumnSpecFilterConfiguration c = (DataColumnSpecFilterConfiguration)super.clone();
        c.m_typeConfig = m_typeConfig.clone();
        return c;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnSpecFilterConfiguration
            && m_typeConfig.equals(((DataColumnSpecFilterConfiguration)obj).m_typeConfig) && super.equals(obj);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return super.toString();
    }
}
