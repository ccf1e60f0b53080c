package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME's {@code DataType}: the type of a column, given by a cell class (native types) and the
 * {@link DataValue} interfaces its cells implement. Native types are obtained with {@link #getType(Class)}.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> NATIVE = new ConcurrentHashMap<>();

    private static final String CFG_CELL_CLASS = "cell_class";

    private static final String CFG_VALUE_CLASSES = "value_classes";

    private final Class<? extends DataCell> m_cellClass;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass, final List<Class<? extends DataValue>> values) {
        m_cellClass = cellClass;
        m_valueClasses = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The native type of the given cell class (one instance per class). */
    public static DataType getType(final Class<? extends DataCell> cellClass) {
        Objects.requireNonNull(cellClass, "Cell class must not be null.");
        return NATIVE.computeIfAbsent(cellClass, c -> new DataType(c, valueClassesOf(c)));
    }

    private static List<Class<? extends DataValue>> valueClassesOf(final Class<?> cellClass) {
        Set<Class<? extends DataValue>> out = new LinkedHashSet<>();
        for (Class<?> c = cellClass; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                collect(i, out);
            }
        }
        out.remove(DataValue.class);
        return new ArrayList<>(out);
    }

    @SuppressWarnings("unchecked")
    private static void collect(final Class<?> iface, final Set<Class<? extends DataValue>> out) {
        if (DataValue.class.isAssignableFrom(iface) && out.add((Class<? extends DataValue>)iface)) {
            for (Class<?> sup : iface.getInterfaces()) {
                collect(sup, out);
            }
        }
    }

    /** The shared missing cell. */
    public static DataCell getMissingCell() {
        return MissingHolder.MISSING;
    }

    private static final class MissingHolder {
        static final DataCell MISSING = new MissingCell(null);
    }

    public Class<? extends DataValue> getPreferredValueClass() {
        return m_valueClasses.isEmpty() ? DataValue.class : m_valueClasses.get(0);
    }

    /** Whether cells of this type implement the given value interface. */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        if (valueClass == DataValue.class) {
            return true;
        }
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (valueClass.isAssignableFrom(v)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a column of this type can hold all cells of the other type. */
    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || type.isMissingValueType() || m_cellClass == DataCell.class) {
            return true;
        }
        if (m_cellClass != null && type.m_cellClass != null && m_cellClass.isAssignableFrom(type.m_cellClass)) {
            return true;
        }
        return m_cellClass == null && type.m_valueClasses.containsAll(m_valueClasses);
    }

    public boolean isMissingValueType() {
        return m_cellClass == MissingCell.class;
    }

    public String getName() {
        if (m_cellClass == null) {
            StringBuilder b = new StringBuilder("Non-native ");
            for (Class<? extends DataValue> v : m_valueClasses) {
                b.append(v.getSimpleName()).append(' ');
            }
            return b.toString().trim();
        }
        switch (m_cellClass.getName()) {
            case "org.knime.core.data.def.DoubleCell":
                return "Number (double)";
            case "org.knime.core.data.def.IntCell":
                return "Number (integer)";
            case "org.knime.core.data.def.StringCell":
                return "String";
            case "org.knime.core.data.image.png.PNGImageCell":
                return "Image (PNG)"; // as KNIME 5.5.3 names it (shared/knime-real, probe-learner-unset-filter)
            case "org.knime.core.data.MissingCell":
                return "Missing Value";
            default:
                return m_cellClass.getSimpleName();
        }
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_CELL_CLASS, m_cellClass == null ? null : m_cellClass.getName());
        if (m_cellClass == null) {
            String[] names = new String[m_valueClasses.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = m_valueClasses.get(i).getName();
            }
            config.addStringArray(CFG_VALUE_CLASSES, names);
        }
    }

    @SuppressWarnings("unchecked")
    public static DataType load(final ConfigRO config) throws InvalidSettingsException {
        String cell = config.getString(CFG_CELL_CLASS);
        if (cell != null) {
            return getType((Class<? extends DataCell>)resolve(cell, DataCell.class));
        }
        List<Class<? extends DataValue>> values = new ArrayList<>();
        for (String v : config.getStringArray(CFG_VALUE_CLASSES)) {
            values.add((Class<? extends DataValue>)resolve(v, DataValue.class));
        }
        return new DataType(null, values);
    }

    private static Class<?> resolve(final String name, final Class<?> expected) throws InvalidSettingsException {
        Class<?> c;
        try {
            c = Class.forName(name, false, DataType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            try {
                c = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e2) {
                throw new InvalidSettingsException("Unknown class \"" + name + "\" in data type settings.", e2);
            }
        }
        if (!expected.isAssignableFrom(c)) {
            throw new InvalidSettingsException(name + " is not a " + expected.getSimpleName() + ".");
        }
        return c;
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataType)) {
            return false;
        }
        DataType o = (DataType)obj;
        return Objects.equals(m_cellClass, o.m_cellClass)
            && new LinkedHashSet<>(m_valueClasses).equals(new LinkedHashSet<>(o.m_valueClasses));
    }

    @Override
    public int hashCode() {
        return m_cellClass != null ? m_cellClass.hashCode() : new LinkedHashSet<>(m_valueClasses).hashCode();
    }

    @Override
    public String toString() {
        return getName();
    }
}
