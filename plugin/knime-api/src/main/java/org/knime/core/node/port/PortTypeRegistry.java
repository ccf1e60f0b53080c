package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/**
 * Stand-in for KNIME's {@code PortTypeRegistry}. KNIME registers port types and their serializers through the
 * {@code org.knime.core.PortType} extension point; the stand-in creates port types on demand and finds serializers
 * reflectively: a public static nested class of the object (spec) class that extends
 * {@link PortObjectSerializer} ({@link PortObjectSpecSerializer}) bound to exactly that class, or a public static
 * {@code getPortObjectSerializer()} ({@code getPortObjectSpecSerializer()}) method.
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_types = new ConcurrentHashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_optionalTypes = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    static String nameOf(final Class<? extends PortObject> objectClass) {
        switch (objectClass.getName()) {
            case "org.knime.core.node.BufferedDataTable":
                return "Data";
            case "org.knime.core.node.port.PortObject":
                return "Generic Port";
            case "org.knime.core.node.port.image.ImagePortObject":
                return "Image";
            default:
                return objectClass.getSimpleName();
        }
    }

    public PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    public PortType getPortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        Map<Class<? extends PortObject>, PortType> map = optional ? m_optionalTypes : m_types;
        return map.computeIfAbsent(objectClass, c -> new PortType(c, optional, nameOf(c)));
    }

    @SuppressWarnings("unchecked")
    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        Class<?> c = load(className);
        return c != null && PortObject.class.isAssignableFrom(c) ? Optional.of((Class<? extends PortObject>)c)
            : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        Class<?> c = load(className);
        return c != null && PortObjectSpec.class.isAssignableFrom(c)
            ? Optional.of((Class<? extends PortObjectSpec>)c) : Optional.empty();
    }

    private static Class<?> load(final String className) {
        for (ClassLoader l : new ClassLoader[]{PortTypeRegistry.class.getClassLoader(),
            Thread.currentThread().getContextClassLoader()}) {
            try {
                return Class.forName(className, false, l);
            } catch (ClassNotFoundException | RuntimeException e) {
                // try the next loader
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public Optional<PortObjectSerializer<PortObject>> getObjectSerializer(
        final Class<? extends PortObject> objectClass) {
        return Optional.ofNullable((PortObjectSerializer<PortObject>)find(objectClass, PortObjectSerializer.class,
            "getPortObjectSerializer"));
    }

    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpecSerializer<PortObjectSpec>> getSpecSerializer(
        final Class<? extends PortObjectSpec> specClass) {
        return Optional.ofNullable((PortObjectSpecSerializer<PortObjectSpec>)find(specClass,
            PortObjectSpecSerializer.class, "getPortObjectSpecSerializer"));
    }

    private static Object find(final Class<?> target, final Class<?> serializerBase, final String factoryMethod) {
        for (Class<?> nested : target.getDeclaredClasses()) {
            int mod = nested.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && !Modifier.isAbstract(mod)
                && serializerBase.isAssignableFrom(nested)
                && GenericArguments.firstArgument(nested, serializerBase) == target) {
                try {
                    return nested.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot instantiate serializer " + nested.getName(), e);
                }
            }
        }
        try {
            Method m = target.getMethod(factoryMethod);
            if (Modifier.isStatic(m.getModifiers()) && serializerBase.isAssignableFrom(m.getReturnType())) {
                return m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot get serializer of " + target.getName(), e);
        }
        return null;
    }
}
