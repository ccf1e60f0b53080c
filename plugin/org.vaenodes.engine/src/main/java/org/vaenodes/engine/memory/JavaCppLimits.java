package org.vaenodes.engine.memory;

import java.util.Locale;

/**
 * The native memory limits JavaCPP 1.5.7 applies, computed from the same system properties and defaults without
 * loading JavaCPP: touching {@code org.bytedeco.javacpp.Pointer} loads its native library, and that must wait
 * until {@code NativeBackend} has chosen the build. ND4J's arrays are allocated by libnd4j and not counted in
 * JavaCPP's {@code totalBytes}, but every ND4J array also allocates small JavaCPP pointers, and those fail with
 * "Physical memory usage is too high" once the process's resident memory (Java heap included) exceeds
 * {@code maxPhysicalBytes}. So that limit is the one an ND4J run has to stay under. Defaults (read from
 * {@code Pointer}'s static initializer and confirmed against {@code Pointer.maxPhysicalBytes()} by
 * {@code MemoryBudgetTest}): {@code maxBytes} = the heap limit ({@code Runtime.maxMemory()}), {@code
 * maxPhysicalBytes} = {@code maxBytes} + 3 × the heap limit; with {@code -Xmx4g} that is 16 GiB.
 */
public final class JavaCppLimits {

    static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";

    private JavaCppLimits() {
    }

    /** JavaCPP's limit on the bytes it allocates itself; 0 means none. */
    public static long maxBytes() {
        long heap = Runtime.getRuntime().maxMemory();
        String s = property(MAX_BYTES, "org.bytedeco.javacpp.maxBytes");
        return s == null ? heap : parseBytes(s, heap);
    }

    /** JavaCPP's limit on the process's resident memory; 0 means none. */
    public static long maxPhysicalBytes() {
        long heap = Runtime.getRuntime().maxMemory();
        long maxBytes = maxBytes();
        String s = property(MAX_PHYSICAL_BYTES, "org.bytedeco.javacpp.maxPhysicalBytes");
        if (s != null) {
            return parseBytes(s, heap);
        }
        return maxBytes > 0 ? maxBytes + 3 * heap : 0;
    }

    /** Both spellings JavaCPP reads, the camel-case one winning as in JavaCPP. */
    private static String property(String lower, String camel) {
        String s = System.getProperty(camel, System.getProperty(lower));
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * JavaCPP's size syntax: digits, then nothing, %, k/kb, m/mb, g/gb or t/tb (any case; powers of 1024;
     * % of {@code relativeTo}).
     *
     * @throws NumberFormatException for anything else, as JavaCPP refuses it too
     */
    public static long parseBytes(String s, long relativeTo) {
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        long n = Long.parseLong(s.substring(0, digits));
        String unit = s.substring(digits).trim().toLowerCase(Locale.ROOT);
        switch (unit) {
            case "": return n;
            case "%": return n * relativeTo / 100;
            case "k": case "kb": return n * 1024;
            case "m": case "mb": return n * 1024 * 1024;
            case "g": case "gb": return n * 1024 * 1024 * 1024;
            case "t": case "tb": return n * 1024 * 1024 * 1024 * 1024;
            default: throw new NumberFormatException("Cannot parse into bytes: " + s);
        }
    }
}
