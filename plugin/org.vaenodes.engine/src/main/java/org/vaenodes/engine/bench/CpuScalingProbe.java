package org.vaenodes.engine.bench;

import java.util.Locale;

/**
 * How far compute-bound work can scale on this machine: independent fused multiply-adds, which touch no memory,
 * on one Java thread and on {@code threads} at once, each thread doing the same work. On a virtual machine two
 * "cores" may be hyperthreads of one, or share a host whose turbo drops when both run; the ratio this probe gives
 * is the ceiling for any engine's thread scaling here, so a training speed-up from 1 to 2 threads is read against
 * it, not against 2.
 */
public final class CpuScalingProbe {

    /** About how long one measurement runs: the work is sized to it from a short calibration. */
    static final double SECONDS_PER_MEASUREMENT = 0.25;

    /** Independent chains: FMA latency (4–5 cycles) times the two FMA units, so both stay busy. */
    private static final int CHAINS = 8;

    /** @param oneThread multiply-adds per second on one thread; @param allThreads on {@code threads} together */
    public record Result(int threads, double oneThread, double allThreads) {

        public double scaling() {
            return allThreads / oneThread;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "cpu scaling probe: independent multiply-adds at %.2f G/s on 1 thread, "
                    + "%.2f G/s on %d (%.2fx): the most compute-bound work scales on this machine",
                    oneThread / 1e9, allThreads / 1e9, threads, scaling());
        }
    }

    private CpuScalingProbe() {
    }

    /**
     * Best of three measurements on one thread and on {@code threads} (≥ 1), after a warm-up for the JIT that
     * also sizes the work (a CPU without FMA computes {@link Math#fma} in software, far slower).
     */
    public static Result measure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        long work = 1 << 20;
        double calibrated = rate(1, work);
        for (int i = 0; i < 3; i++) {
            calibrated = rate(1, work);
        }
        work = Math.max(CHAINS, (long) (calibrated * SECONDS_PER_MEASUREMENT));
        double one = 0;
        double all = 0;
        for (int round = 0; round < 3; round++) {
            one = Math.max(one, rate(1, work));
            all = Math.max(all, rate(threads, work));
        }
        return new Result(threads, one, all);
    }

    /** Multiply-adds per second with {@code threads} threads each running {@code work} of them. */
    static double rate(int threads, long work) {
        Thread[] workers = new Thread[threads];
        double[] sinks = new double[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> sinks[index] = multiplyAdds(work / CHAINS), "cpu-probe-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("cpu scaling probe interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return threads * (work / CHAINS) * (double) CHAINS / seconds;
    }

    /** {@link #CHAINS} independent chains of fused multiply-adds; the caller stores the result, so the loop stays. */
    private static double multiplyAdds(long rounds) {
        double a0 = 0.1, a1 = 0.2, a2 = 0.3, a3 = 0.4, a4 = 0.5, a5 = 0.6, a6 = 0.7, a7 = 0.8;
        final double m = 0.999_999_9;
        final double c = 1e-7;
        for (long i = 0; i < rounds; i++) {
            a0 = Math.fma(a0, m, c);
            a1 = Math.fma(a1, m, c);
            a2 = Math.fma(a2, m, c);
            a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c);
            a5 = Math.fma(a5, m, c);
            a6 = Math.fma(a6, m, c);
            a7 = Math.fma(a7, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }
}
