package org.knime.core.node.port;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME's {@code PortType}: a port object class plus the "optional" flag. Obtain instances from
 * {@link PortTypeRegistry#getPortType(Class)}.
 */
public final class PortType {

    private static final String CFG_OBJECT_CLASS = "object_class";

    private static final String CFG_OPTIONAL = "is_optional";

    private final Class<? extends PortObject> m_objectClass;

    private final Class<? extends PortObjectSpec> m_specClass;

    private final boolean m_optional;

    private final String m_name;

    PortType(final Class<? extends PortObject> objectClass, final boolean optional, final String name) {
        m_objectClass = Objects.requireNonNull(objectClass, "Port object class must not be null.");
        m_specClass = getPortObjectSpecClass(objectClass);
        m_optional = optional;
        m_name = name;
    }

    /** @deprecated use {@link PortTypeRegistry#getPortType(Class)} */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    /** @deprecated use {@link PortTypeRegistry#getPortType(Class, boolean)} */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        this(objectClass, optional, PortTypeRegistry.nameOf(objectClass));
    }

    /** The spec class of a port object class: the declared return type of its {@code getSpec()} method. */
    @SuppressWarnings("unchecked")
    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(
        final Class<? extends PortObject> objectClass) {
        try {
            Class<?> r = objectClass.getMethod("getSpec").getReturnType();
            if (PortObjectSpec.class.isAssignableFrom(r)) {
                return (Class<? extends PortObjectSpec>)r;
            }
        } catch (NoSuchMethodException e) {
            // fall through
        }
        return PortObjectSpec.class;
    }

    public String getName() {
        return m_name;
    }

    public int getColor() {
        return -6579301;
    }

    public boolean isHidden() {
        return false;
    }

    public boolean isOptional() {
        return m_optional;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    public boolean acceptsPortObject(final PortObject object) {
        return object == null ? m_optional : m_objectClass.isInstance(object);
    }

    public boolean acceptsPortObjectClass(final Class<? extends PortObject> objectClass) {
        return m_objectClass.isAssignableFrom(objectClass);
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null ? m_optional : m_specClass.isInstance(spec);
    }

    /** Whether ports of this type can be connected to outputs of the other type. */
    public boolean isSuperTypeOf(final PortType other) {
        return m_objectClass.isAssignableFrom(other.m_objectClass);
    }

    public void save(final NodeSettingsWO settings) {
        save((ConfigWO)settings);
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_OBJECT_CLASS, m_objectClass.getName());
        config.addBoolean(CFG_OPTIONAL, m_optional);
    }

    public static PortType load(final NodeSettingsRO settings) throws InvalidSettingsException {
        return load((ConfigRO)settings);
    }

    public static PortType load(final ConfigRO config) throws InvalidSettingsException {
        String cls = config.getString(CFG_OBJECT_CLASS);
        Class<? extends PortObject> c = PortTypeRegistry.getInstance().getObjectClass(cls)
            .orElseThrow(() -> new InvalidSettingsException("Unknown port object class " + cls));
        return PortTypeRegistry.getInstance().getPortType(c, config.getBoolean(CFG_OPTIONAL));
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof PortType && ((PortType)obj).m_objectClass == m_objectClass
            && ((PortType)obj).m_optional == m_optional);
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() + (m_optional ? 1 : 0);
    }

    @Override
    public String toString() {
        return m_name + (m_optional ? " (optional)" : "");
    }
}
