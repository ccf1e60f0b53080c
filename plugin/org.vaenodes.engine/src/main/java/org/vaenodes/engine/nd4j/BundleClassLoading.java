package org.vaenodes.engine.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.nd4j.common.config.ND4JClassLoading;

/**
 * What native loading needs inside OSGi (KNIME), where this code lives in bundle org.vaenodes.knime with the
 * DL4J/ND4J jars embedded and the native jars in a platform fragment.
 *
 * <ul>
 * <li>ND4J finds its backend ({@code Nd4jBackend}) and other services with {@link java.util.ServiceLoader} through
 * {@link ND4JClassLoading}, whose loader defaults to the thread context class loader of the first caller. In
 * KNIME that is whatever the calling thread has (often a loader that sees none of ND4J), so we point both at
 * this bundle's class loader while ND4J starts.</li>
 * <li>JavaCPP extracts the native libraries from the fragment's jars into a cache folder. Unless the user set
 * {@value #CACHE_DIR_PROPERTY} (e.g. with {@code -Dorg.bytedeco.javacpp.cachedir=...} in knime.ini), we use a
 * writable per-user folder, {@code ~/.vaenodes/javacpp-cache}, or one under {@code java.io.tmpdir} if the home
 * folder is not writable. JavaCPP 1.5.7 extracts under a file lock ({@code .lock} in that folder), so two
 * KNIME processes starting at once do not overwrite each other's libraries.</li>
 * </ul>
 */
final class BundleClassLoading {

    static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private BundleClassLoading() {
    }

    /** Runs {@code action} with this bundle's class loader as ND4J's and the thread's context class loader. */
    static <T> T withBundleLoader(Supplier<T> action) {
        ClassLoader own = BundleClassLoading.class.getClassLoader();
        ND4JClassLoading.setNd4jClassloader(own);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(own);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Sets {@value #CACHE_DIR_PROPERTY} to a writable per-user folder unless it is set already. */
    static void ensureCacheDir() {
        String set = System.getProperty(CACHE_DIR_PROPERTY);
        if (set != null && !set.isBlank()) {
            return;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        for (Path candidate : new Path[] {
                Path.of(System.getProperty("user.home", "."), ".vaenodes", "javacpp-cache"),
                Path.of(System.getProperty("java.io.tmpdir", "."), "vaenodes-javacpp-cache-" + user) }) {
            try {
                Files.createDirectories(candidate);
                if (Files.isWritable(candidate)) {
                    System.setProperty(CACHE_DIR_PROPERTY, candidate.toAbsolutePath().toString());
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // try the next one; JavaCPP's own default (~/.javacpp/cache) remains if none works
            }
        }
    }
}
