package org.vaenodes.engine.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * Splits a Java loop over [0, length) into one contiguous part per native-backend thread, run at once on the
 * calling thread and on a few daemon workers. For the elementwise Java passes of training (dropout factors,
 * Adam), which ran on one core while the other waited: the native ops' OpenMP threads sleep between ops
 * (passive wait policy), so the cores are free. Part boundaries are multiples of a grain, so a part's work
 * never depends on how many threads there are, only which thread does it.
 */
public final class ParallelRanges {

    /** A part of the loop: indices [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /**
     * A chunk of an elementwise pass ({@link #runChunks}): elements [start, start + n), with its part's Java
     * buffers, each at least n long.
     */
    @FunctionalInterface
    public interface Chunk {
        void run(int start, int n, float[][] buffers);
    }

    /**
     * Elements per part boundary and per Java buffer for the elementwise passes that copy native values through
     * Java arrays: 16 KiB of floats, a cache's worth, and whole cache lines and dropout draws.
     */
    public static final int CHUNK = 4096;

    private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();
    private static ExecutorService workers;
    private static int workerCount;

    private ParallelRanges() {
    }

    /**
     * Runs {@code range} over [0, length) in parts of whole grains, as many as the backend has threads (fewer
     * for short loops), and returns when all are done. An exception in a part is rethrown here.
     */
    public static void run(int length, int grain, Range range) {
        int grains = (length + grain - 1) / grain;
        int parts = Math.max(1, Math.min(NativeBackend.threads(), grains));
        if (parts == 1) {
            range.run(0, length);
            return;
        }
        ExecutorService pool = workers(parts - 1);
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = bound(p, parts, grains, grain, length);
            int to = bound(p + 1, parts, grains, grain, length);
            others.add(pool.submit(() -> range.run(from, to)));
        }
        Throwable failure = null;
        try {
            range.run(0, bound(1, parts, grains, grain, length));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("A parallel part was interrupted", failure);
        }
    }

    /**
     * Runs {@code chunk} over [0, length) in chunks of {@link #CHUNK} elements, in parts as {@link #run} splits
     * them; each part allocates {@code buffers} Java arrays of a chunk's length once, for all its chunks. Every
     * chunk starts at a multiple of {@link #CHUNK}, so the passes move native values through a cache's worth of
     * Java array at a time and no copy of a whole array lands on the Java heap.
     */
    public static void runChunks(int length, int buffers, Chunk chunk) {
        run(length, CHUNK, (from, to) -> {
            int size = Math.min(CHUNK, to - from);
            float[][] b = new float[buffers][size];
            for (int start = from; start < to; start += size) {
                chunk.run(start, Math.min(size, to - start), b);
            }
        });
    }

    /** Where part {@code p} of {@code parts} starts: a whole number of grains, the end for the last. */
    private static int bound(int p, int parts, int grains, int grain, int length) {
        return p == parts ? length : (int) Math.min(length, (long) grains * p / parts * grain);
    }

    private static synchronized ExecutorService workers(int needed) {
        if (workers == null || workerCount < needed) {
            ExecutorService old = workers;
            workers = Executors.newFixedThreadPool(needed, task -> {
                Thread t = new Thread(task, "vae-engine-worker-" + WORKER_NUMBER.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            workerCount = needed;
            if (old != null) {
                old.shutdown();
            }
        }
        return workers;
    }
}
