package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Wrappers that keep a zip stream open when XML readers/writers close what they are given. */
final class NonClosing {

    private NonClosing() {
    }

    static OutputStream out(final OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    static InputStream in(final InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // keep the underlying stream open
            }
        };
    }

    /** Reads the next entry with the given name (skipping none); throws if the stream holds something else. */
    static void expectEntry(final java.util.zip.ZipInputStream in, final String name) throws IOException {
        java.util.zip.ZipEntry e = in.getNextEntry();
        if (e == null || !e.getName().equals(name)) {
            throw new IOException("Expected zip entry \"" + name + "\", found " + (e == null ? "none" : "\""
                + e.getName() + "\""));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T instantiate(final String className, final Class<T> expected) throws IOException {
        Class<?> c = null;
        for (ClassLoader l : new ClassLoader[]{NonClosing.class.getClassLoader(),
            Thread.currentThread().getContextClassLoader()}) {
            try {
                c = Class.forName(className, true, l);
                break;
            } catch (ClassNotFoundException e) {
                // next loader
            }
        }
        if (c == null || !expected.isAssignableFrom(c)) {
            throw new IOException("Cannot load " + expected.getSimpleName() + " class \"" + className + "\".");
        }
        try {
            java.lang.reflect.Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return (T)ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot instantiate " + className + " (a public no-argument constructor is needed): "
                + e.getMessage(), e);
        }
    }
}
