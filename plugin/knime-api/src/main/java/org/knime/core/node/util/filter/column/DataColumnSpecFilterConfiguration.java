package org.knime.core.node.util.filter.column;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration;

/**
 * Stand-in for KNIME's {@code DataColumnSpecFilterConfiguration}: a {@link NameFilterConfiguration} over the
 * columns of a table spec, optionally restricted by an {@link InputFilter} (e.g. to some column types). The
 * stand-in does not evaluate the data-type filter page of KNIME's dialog.
 */
public final class DataColumnSpecFilterConfiguration extends NameFilterConfiguration {

    public static final int FILTER_BY_DATATYPE = 32;

    private final InputFilter<DataColumnSpec> m_filter;

    private final int m_mask;

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
        return applyTo(namesOf(spec, m_filter));
    }

    /** All columns the input filter accepts go to the include list (or, if false, to the exclude list). */
    public void loadDefaults(final DataTableSpec spec, final boolean includeByDefault) {
        loadDefaults(namesOf(spec, m_filter), includeByDefault);
    }

    /**
     * Columns accepted by {@code filter} (and this configuration's input filter) are included, the others excluded;
     * new columns are then excluded if {@code filterDefinesIncludeList}, else included.
     */
    public void loadDefault(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String name : namesOf(spec, m_filter)) {
            DataColumnSpec c = spec.getColumnSpec(name);
            if (filter == null || filter.include(c)) {
                in.add(name);
            } else {
                out.add(name);
            }
        }
        loadDefaults(in.toArray(new String[0]), out.toArray(new String[0]),
            filterDefinesIncludeList ? EnforceOption.EnforceInclusion : EnforceOption.EnforceExclusion);
    }

    /** Loads the settings (defaults if absent) against the columns of the spec. */
    public void loadConfigurationInDialog(final NodeSettingsRO settings, final DataTableSpec spec) {
        loadConfigurationInDialog(settings, namesOf(spec, m_filter));
    }

    @Override
    protected void loadConfigurationInDialogChild(final NodeSettingsRO settings, final String[] names) {
        // no type filter in the stand-in
    }

    @Override
    public void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        // no type filter in the stand-in
    }

    @Override
    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        // no type filter in the stand-in
    }

    @Override
    protected boolean verifyType(final String type) {
        return super.verifyType(type);
    }

    @Override
    public DataColumnSpecFilterConfiguration clone() {
        return (DataColumnSpecFilterConfiguration)super.clone();
    }

    @Override
    public boolean equals(final Object obj) {
        return super.equals(obj);
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
