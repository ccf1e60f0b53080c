package org.knime.core.node.port;

import java.util.Objects;

/**
 * Stand-in for KNIME's {@code PortType}: a port object class plus the "optional" flag. Obtain instances from
 * {@link PortTypeRegistry#getPortType(Class)}.
 */
public final class PortType {

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

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    public boolean isOptional() {
        return m_optional;
    }

    public boolean acceptsPortObject(final PortObject object) {
        return object == null ? m_optional : m_objectClass.isInstance(object);
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null ? m_optional : m_specClass.isInstance(spec);
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
