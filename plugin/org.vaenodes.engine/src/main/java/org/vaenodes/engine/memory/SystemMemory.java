package org.vaenodes.engine.memory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine's RAM and this process's resident memory, read without loading any native library. */
public final class SystemMemory {

    private SystemMemory() {
    }

    /** Installed RAM in bytes; 0 when it cannot be read. */
    public static long totalPhysicalBytes() {
        long kb = procField(Path.of("/proc/meminfo"), "MemTotal:");
        if (kb > 0) {
            return kb * 1024;
        }
        // macOS and Windows: the JDK's own bean, reached through the platform loader so that an OSGi bundle
        // needs no import of com.sun.management
        try {
            Class<?> bean = Class.forName("com.sun.management.OperatingSystemMXBean", false,
                    ClassLoader.getPlatformClassLoader());
            Object os = ManagementFactory.getOperatingSystemMXBean();
            if (bean.isInstance(os)) {
                return (long) bean.getMethod("getTotalMemorySize").invoke(os);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // unknown: callers then rely on JavaCPP's limit alone
        }
        return 0;
    }

    /** This process's resident set size in bytes (Linux); 0 elsewhere. */
    public static long residentBytes() {
        long kb = procField(Path.of("/proc/self/status"), "VmRSS:");
        return kb > 0 ? kb * 1024 : 0;
    }

    /** The number (in kB) after {@code key} in a /proc file; 0 if absent. */
    static long procField(Path file, String key) {
        try {
            if (!Files.isReadable(file)) {
                return 0;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or not readable
        }
        return 0;
    }
}
