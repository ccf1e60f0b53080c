package org.knime.core.data.container;

/** Reflection helper for the default methods of {@link CellFactory} and {@link SingleCellFactory}. */
final class CellFactorySupport {

    private CellFactorySupport() {
    }

    /** Whether the class or a superclass below {@code stopAt} declares the given method. */
    static boolean overrides(final Class<?> cl, final Class<?> stopAt, final String name,
        final Class<?>... params) {
        for (Class<?> c = cl; c != null && c != stopAt && c != Object.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, params);
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }
}
