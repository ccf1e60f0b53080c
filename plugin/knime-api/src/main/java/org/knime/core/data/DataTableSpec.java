package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DataTableSpec}: the immutable, ordered column specs of a table (unique names) and a
 * table name. KNIME's table properties are left out: no node sets or reads them.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DEFAULT_NAME = "default";

    private static final String CFG_NAME = "spec_name";

    private static final String CFG_NR_COLUMNS = "number_columns";

    private static final String CFG_COLUMN = "column_spec_";

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_index;

    public DataTableSpec() {
        this(DEFAULT_NAME);
    }

    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    public DataTableSpec(final DataColumnSpec... columns) {
        this(DEFAULT_NAME, columns);
    }

    public DataTableSpec(final String name, final DataColumnSpec... columns) {
        m_name = name == null ? DEFAULT_NAME : name;
        m_columns = columns.clone();
        m_index = new HashMap<>();
        for (int i = 0; i < m_columns.length; i++) {
            Objects.requireNonNull(m_columns[i], "Column spec " + i + " must not be null.");
            if (m_index.put(m_columns[i].getName(), i) != null) {
                throw new IllegalArgumentException(
                    "Duplicate column name \"" + m_columns[i].getName() + "\" at positions " + m_index.get(
                        m_columns[i].getName()) + " and " + i + ".");
            }
        }
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, names, types);
    }

    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    /** The columns of the first spec followed by those of the second. */
    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(spec1.getName() + "+" + spec2.getName(), spec1, spec2);
    }

    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1.m_columns, spec2.m_columns));
    }

    private static DataColumnSpec[] concat(final DataColumnSpec[] a, final DataColumnSpec[] b) {
        DataColumnSpec[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException(
                names.length + " column names but " + types.length + " types.");
        }
        DataColumnSpec[] r = new DataColumnSpec[names.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return r;
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columns.length;
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    /** The column of that name or {@code null}. */
    public DataColumnSpec getColumnSpec(final String name) {
        Integer i = m_index.get(name);
        return i == null ? null : m_columns[i];
    }

    /** The index of the named column or -1. */
    public int findColumnIndex(final String name) {
        Integer i = m_index.get(name);
        return i == null ? -1 : i;
    }

    public boolean containsName(final String name) {
        return m_index.containsKey(name);
    }

    public final String[] getColumnNames() {
        String[] r = new String[m_columns.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = m_columns[i].getName();
        }
        return r;
    }

    /** Same column names and types, in the same order. */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columns)).iterator();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_NAME, m_name);
        config.addInt(CFG_NR_COLUMNS, m_columns.length);
        for (int i = 0; i < m_columns.length; i++) {
            m_columns[i].save(config.addConfig(CFG_COLUMN + i));
        }
    }

    public static DataTableSpec load(final ConfigRO config) throws InvalidSettingsException {
        String name = config.getString(CFG_NAME);
        int n = config.getInt(CFG_NR_COLUMNS);
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(DataColumnSpec.load(config.getConfig(CFG_COLUMN + i)));
        }
        return new DataTableSpec(name, cols.toArray(new DataColumnSpec[0]));
    }

    /** Same columns (name, type, properties); the table name is not compared. */
    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataTableSpec)) {
            return false;
        }
        DataTableSpec o = (DataTableSpec)obj;
        return Arrays.equals(m_columns, o.m_columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columns);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("name=").append(m_name).append(",columns=[");
        for (int i = 0; i < m_columns.length; i++) {
            b.append(i > 0 ? ";" : "").append(m_columns[i].getName());
        }
        return b.append(']').toString();
    }
}
