package org.vaenodes.engine.nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Chooses and starts the ND4J native build before anything touches ND4J.
 *
 * <p>On x86-64 we ship three oneDNN builds of libnd4j: generic, AVX2 and AVX-512. Loading a build whose
 * instructions the CPU lacks kills the JVM with SIGILL, so the choice is made from what the CPU reports
 * ({@code /proc/cpuinfo} on Linux, {@code sysctl} on macOS) and falls back to the generic build whenever
 * the answer is unclear. JavaCPP reads the choice from the system property
 * {@value #EXTENSION_PROPERTY}. A user can force a build with {@code -Dvaenodes.native=generic|avx2|avx512}
 * (or the environment variable {@code VAENODES_NATIVE}).
 */
public final class NativeBackend {

    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    private static final String CHOICE_PROPERTY = "vaenodes.native";

    /** The native builds, from slowest to fastest. */
    public enum Build {
        PLAIN(""), GENERIC("-onednn"), AVX2("-onednn-avx2"), AVX512("-onednn-avx512");

        private final String extension;

        Build(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private static volatile Build started;
    private static volatile int threads;

    private NativeBackend() {
    }

    /**
     * Picks the build for this CPU (once per JVM) and loads ND4J's CPU backend.
     *
     * @return the build in use
     * @throws IllegalStateException naming the platform when no native library matches it
     */
    public static synchronized Build start() {
        if (started != null) {
            return started;
        }
        Build build = choose();
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, build.extension());
        }
        BundleClassLoading.ensureCacheDir();
        passiveOpenMpThreads();
        boundedMallocThreshold();
        try {
            // forces backend discovery and native loading, through this bundle's class loader (OSGi/KNIME)
            BundleClassLoading.withBundleLoader(() -> Nd4j.create(1));
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot load the ND4J native library for " + platformName()
                    + " (build '" + build.name().toLowerCase(Locale.ROOT) + "'): " + rootMessage(t)
                    + ". Is the VAE Nodes native fragment for this platform installed?", t);
        }
        started = build;
        if (threads == 0) {
            setThreads(Runtime.getRuntime().availableProcessors());
        }
        return build;
    }

    /**
     * Sets {@code OMP_WAIT_POLICY=PASSIVE} in the process environment before libgomp is loaded (it reads its
     * settings once, when loaded), unless the user set it. libnd4j runs oneDNN's convolutions on OpenMP threads
     * and its own elementwise ops on a separate thread pool; with the default policy idle OpenMP threads
     * keep spinning after each parallel region and take the cores from the other pool and from any other
     * process. Measured on 2 cores with other work running: a training step took 1,124 ms with the default
     * policy and 198 ms with PASSIVE. POSIX only (JNA's libc binding); elsewhere, or without JNA, nothing
     * happens.
     */
    private static void passiveOpenMpThreads() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (System.getenv("OMP_WAIT_POLICY") != null || !(os.contains("linux") || os.contains("mac"))) {
            return;
        }
        try {
            LibC.INSTANCE.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
        } catch (Throwable t) {
            // no JNA or no libc binding: keep the default policy
        }
    }

    /**
     * Fixes glibc's mmap threshold at 4 MiB, its trim threshold and its top pad at 64 MiB (opt out with
     * {@code -Dvaenodes.mallocTuning=false}; {@code MALLOC_TRIM_THRESHOLD_} or {@code MALLOC_TOP_PAD_} in the
     * environment are left alone).
     * glibc raises the mmap threshold after each large free, so ND4J's multi-megabyte activations then come from
     * heap arenas that are not given back to the system: after encoding and decoding 30,000 images the process
     * held 6.9 GiB here, with a fixed threshold 1.2 GiB. Fixing it also fixes the trim threshold at its 128 KiB
     * default, and libnd4j's oneDNN helpers allocate a fresh buffer for every layout reorder (23 of 3.2 MB per
     * training iteration of the seed model): each free gave the top of the heap back to the kernel and each
     * reorder then faulted its pages in again, ~2 ms instead of ~0.3. With the buffers kept an iteration took
     * 197–201 instead of 236–240 ms (A B A B) and the bench ~1 million fewer page faults. The trim threshold
     * covers the main heap; a thread's arena also deletes a whole extra heap once it is free, regardless of the
     * threshold, unless the top pad asks to keep that much: with the threshold alone a warm iteration still
     * faulted 3,431 pages in one test run, with the pad too 98. The memory kept is bounded by the two per arena.
     * Linux only; nothing happens without glibc or JNA.
     */
    private static void boundedMallocThreshold() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !Boolean.parseBoolean(System.getProperty("vaenodes.mallocTuning", "true"))) {
            return;
        }
        try {
            LibC.INSTANCE.mallopt(LibC.M_MMAP_THRESHOLD, 4 << 20);
            if (System.getenv("MALLOC_TRIM_THRESHOLD_") == null) {
                LibC.INSTANCE.mallopt(LibC.M_TRIM_THRESHOLD, 64 << 20);
            }
            if (System.getenv("MALLOC_TOP_PAD_") == null) {
                LibC.INSTANCE.mallopt(LibC.M_TOP_PAD, 64 << 20);
            }
        } catch (Throwable t) {
            // musl or no JNA: keep the allocator's defaults
        }
    }

    /** The libc functions we need, through JNA (on the classpath via OSHI). */
    private interface LibC extends com.sun.jna.Library {
        LibC INSTANCE = com.sun.jna.Native.loadLibrary("c", LibC.class);
        int M_TRIM_THRESHOLD = -1;
        int M_TOP_PAD = -2;
        int M_MMAP_THRESHOLD = -3;

        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    /** Number of threads ND4J/oneDNN/OpenMP use for one operation; all cores by default. */
    public static synchronized void setThreads(int n) {
        int wanted = n <= 0 ? Runtime.getRuntime().availableProcessors() : n;
        if (started == null) {
            start();
        }
        if (wanted == threads) {
            return;
        }
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(wanted);
        Nd4j.getEnvironment().setMaxThreads(wanted);
        Nd4j.getEnvironment().setMaxMasterThreads(wanted);
        threads = wanted;
    }

    public static int threads() {
        return threads;
    }

    /** The build this CPU gets, without loading anything. */
    public static Build choose() {
        String forced = System.getProperty(CHOICE_PROPERTY, System.getenv("VAENODES_NATIVE"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        if (!x86) {
            return Build.PLAIN; // Apple silicon and others: M2.1 ships only the plain build
        }
        if (forced != null && !forced.isBlank() && !forced.equalsIgnoreCase("auto")) {
            try {
                return Build.valueOf(forced.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown native build '" + forced
                        + "' in vaenodes.native / VAENODES_NATIVE; use auto, generic, avx2 or avx512");
            }
        }
        Build fastest = fastestFor(cpuFlags(os));
        // M2.1 publishes no AVX-512 oneDNN build for macOS x86-64: AVX2 is the best there is
        return os.contains("mac") && fastest == Build.AVX512 ? Build.AVX2 : fastest;
    }

    /** The fastest build whose instructions all appear in {@code flags} (lower-case, Linux names). */
    static Build fastestFor(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma"))) {
            return Build.AVX512;
        }
        if (flags.containsAll(Set.of("avx2", "fma", "f16c", "bmi2"))) {
            return Build.AVX2;
        }
        return Build.GENERIC;
    }

    static Set<String> cpuFlags(String os) {
        Set<String> flags = new TreeSet<>();
        try {
            if (os.contains("linux")) {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                    if (line.startsWith("flags")) {
                        int colon = line.indexOf(':');
                        for (String f : line.substring(colon + 1).trim().split("\\s+")) {
                            flags.add(f.toLowerCase(Locale.ROOT));
                        }
                        break;
                    }
                }
            } else if (os.contains("mac")) {
                // e.g. "FMA F16C AVX1.0 ..." and "AVX2 BMI2 AVX512F AVX512CD ...": the same names as Linux's
                String out = run("sysctl", "-n", "machdep.cpu.features", "machdep.cpu.leaf7_features");
                for (String f : out.split("\\s+")) {
                    flags.add(f.toLowerCase(Locale.ROOT));
                }
            }
            // Windows: no reliable flag source without native code, so the generic build (still oneDNN).
        } catch (IOException | RuntimeException e) {
            flags.clear();
        }
        return flags;
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(5, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroy();
        }
    }

    public static String platformName() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** A one-line description of the backend in use, e.g. for the CLI's bench output. */
    public static String describe() {
        Build b = start();
        return "ND4J CPU backend, build " + b.name().toLowerCase(Locale.ROOT) + " (" + platformName() + "), "
                + threads + " threads";
    }
}
