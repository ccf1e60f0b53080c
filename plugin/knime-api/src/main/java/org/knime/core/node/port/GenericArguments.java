package org.knime.core.node.port;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Resolves the class a concrete serializer binds its base's type parameter to (what KNIME reads reflectively). */
final class GenericArguments {

    private GenericArguments() {
    }

    /** The class bound to the first type parameter of {@code base} by {@code concrete}, or {@code null}. */
    static Class<?> firstArgument(final Class<?> concrete, final Class<?> base) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Class<?> c = concrete;
        while (c != null && c != Object.class) {
            Type sup = c.getGenericSuperclass();
            Class<?> raw;
            if (sup instanceof ParameterizedType) {
                ParameterizedType p = (ParameterizedType)sup;
                raw = (Class<?>)p.getRawType();
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) {
                    Type a = args[i];
                    while (a instanceof TypeVariable && bindings.containsKey(a)) {
                        a = bindings.get(a);
                    }
                    bindings.put(vars[i], a);
                }
            } else {
                raw = (Class<?>)sup;
            }
            if (raw == base) {
                TypeVariable<?>[] vars = base.getTypeParameters();
                if (vars.length == 0) {
                    return null;
                }
                Type t = bindings.get(vars[0]);
                if (t instanceof Class) {
                    return (Class<?>)t;
                }
                if (t instanceof ParameterizedType) {
                    return (Class<?>)((ParameterizedType)t).getRawType();
                }
                return null;
            }
            c = raw;
        }
        return null;
    }
}
