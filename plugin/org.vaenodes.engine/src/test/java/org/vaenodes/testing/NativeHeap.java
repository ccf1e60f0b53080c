package org.vaenodes.testing;

import java.util.List;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/**
 * Bytes the C allocator has handed out and not got back (glibc's {@code mallinfo2}: in-use arena bytes plus
 * mmapped blocks). libnd4j allocates every ND4J array with malloc, the JVM its heap with mmap, so this counts ND4J's
 * native memory and not the Java heap, which the resident set size mixes together.
 */
public final class NativeHeap {

    /** glibc's struct mallinfo2, ten size_t fields. */
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                    "fordblks", "keepcost");
        }
    }

    private interface C extends Library {
        MallInfo2 mallinfo2();
    }

    private static final C LIBC = load();

    private NativeHeap() {
    }

    private static C load() {
        try {
            C c = Native.loadLibrary("c", C.class);
            c.mallinfo2();
            return c;
        } catch (Throwable t) {
            return null; // not glibc 2.33+
        }
    }

    /** Whether {@link #inUse()} works here. */
    public static boolean available() {
        return LIBC != null;
    }

    /** Allocated and not freed bytes; -1 where unavailable. */
    public static long inUse() {
        if (LIBC == null) {
            return -1;
        }
        MallInfo2 m = LIBC.mallinfo2();
        return m.uordblks + m.hblkhd;
    }

    /**
     * The highest {@link #inUse()} seen while it is open, read every millisecond on a thread of its own: a reading
     * taken after an operation misses the temporaries it freed, and estimates are about the peak.
     */
    public static final class PeakWatch implements AutoCloseable {
        private final Thread poller;
        private volatile boolean open = true;
        private volatile long peak = inUse();

        public PeakWatch() {
            poller = new Thread(() -> {
                while (open) {
                    peak = Math.max(peak, inUse());
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "native-heap-peak");
            poller.setDaemon(true);
            poller.start();
        }

        /** Stops watching; the peak includes a last reading. */
        @Override
        public void close() throws InterruptedException {
            open = false;
            poller.join();
            peak = Math.max(peak, inUse());
        }

        public long peak() {
            return peak;
        }
    }
}
