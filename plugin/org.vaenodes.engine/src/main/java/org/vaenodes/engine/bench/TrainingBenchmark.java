package org.vaenodes.engine.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.nd4j.NativeBackend;
import org.vaenodes.engine.net.Steps;
import org.vaenodes.engine.train.TrainingCanceledException;
import org.vaenodes.engine.train.TrainingResult;
import org.vaenodes.engine.train.VaeTrainer;

/**
 * The engine's speed benchmark: trains {@code warmup + iterations} iterations of {@code config} on {@code data}
 * through the real training loop ({@link VaeTrainer}), timing every iteration, then times reconstruction,
 * encoding and sampling of the trained model. Throughput figures are images per second of wall-clock time on
 * the calling thread; the iteration-time percentiles are over the measured (post-warm-up) iterations.
 * The current RSS is sampled after warm-up and then at most {@value #RSS_SAMPLES} times during the measured
 * iterations, so that memory growth over a long run shows without reading /proc on every iteration.
 */
public final class TrainingBenchmark {

    /** Images used for each inference measurement (fewer if the dataset is smaller, except for sampling). */
    static final int INFERENCE_IMAGES = 10_000;

    /** Current-RSS samples taken during the measured iterations (plus the last iteration). */
    static final int RSS_SAMPLES = 32;

    private TrainingBenchmark() {
    }

    /**
     * The machine during the measured iterations: steal's and idle's shares of all cores' time (steal: time the
     * hypervisor gave our cores to others), and wall and process CPU time per iteration of the slowest 1 %
     * against the middle 10 % (NaN where unknown). A slow iteration that used the CPU time of a middle one did
     * not do more work: it waited, for the hypervisor or for a thread that was held up.
     */
    public record HostLoad(double stealShare, double idleShare, int tailIterations, double tailWallMs,
            double tailCpuMs, double middleWallMs, double middleCpuMs) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "host during the measured iterations: steal %.1f%%, idle %.1f%% of all "
                    + "cores' time%nslowest 1%% (%d %s): %.1f ms wall, %.1f ms process CPU; middle 10%%: "
                    + "%.1f ms wall, %.1f ms process CPU%n", stealShare * 100, idleShare * 100, tailIterations,
                    tailIterations == 1 ? "iteration" : "iterations", tailWallMs, tailCpuMs, middleWallMs, middleCpuMs);
        }

        /**
         * @param wallMs each measured iteration's wall time
         * @param cpuMs the process's CPU time in each (NaN where unknown)
         */
        static HostLoad of(HostCpu.Counters from, HostCpu.Counters to, double[] wallMs, double[] cpuMs) {
            Integer[] order = new Integer[wallMs.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(wallMs[a], wallMs[b]));
            int n = order.length;
            int tail = Math.max(1, (int) Math.ceil(n * 0.01));
            int middleFrom = Math.min(n - 1, (int) (n * 0.45));
            int middleTo = Math.max(middleFrom + 1, (int) Math.ceil(n * 0.55));
            return new HostLoad(from.stealShareUntil(to), from.idleShareUntil(to), tail,
                    mean(wallMs, order, n - tail, n), mean(cpuMs, order, n - tail, n),
                    mean(wallMs, order, middleFrom, middleTo), mean(cpuMs, order, middleFrom, middleTo));
        }

        private static double mean(double[] values, Integer[] order, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[order[i]];
            }
            return sum / (to - from);
        }
    }

    /**
     * @param trainImagesPerSecond batch × measured iterations / their total time
     * @param firstIterationMs the first training iteration, timed from the end of the model build
     * @param peakRssBytes the process's peak resident set (VmHWM) at the end of training, -1 where unknown
     * @param peakRssAfterInferenceBytes the same after the inference measurements (SameDiff's inference
     *        sessions cache arrays), -1 where unknown
     * @param rssAfterWarmupBytes the current RSS (VmRSS) after the last warm-up iteration (after the first
     *        measured one when there is no warm-up: the first iteration's allocations are not growth), -1 where
     *        unknown
     * @param rssAtEndBytes the current RSS after the last training iteration, -1 where unknown
     * @param maxMeasuredRssBytes the largest sampled current RSS during the measured iterations, -1 where unknown
     * @param host what the machine did meanwhile, null where Linux's CPU accounting cannot be read
     */
    public record Report(String backend, int batchSize, int iterations, int warmup, double trainImagesPerSecond,
            double medianMs, double p90Ms, double p99Ms, double maxMs, double firstIterationMs,
            double reconstructImagesPerSecond, double encodeImagesPerSecond, double sampleImagesPerSecond,
            long peakRssBytes, long peakRssAfterInferenceBytes, long firstIterationDoneEpochMillis,
            long rssAfterWarmupBytes, long rssAtEndBytes, long maxMeasuredRssBytes, HostLoad host) {

        /** (max measured RSS − RSS after warm-up) / RSS after warm-up; NaN where the RSS is unknown. */
        public double rssGrowth() {
            return rssAfterWarmupBytes <= 0 || maxMeasuredRssBytes < 0 ? Double.NaN
                    : (maxMeasuredRssBytes - rssAfterWarmupBytes) / (double) rssAfterWarmupBytes;
        }

        /** The report as lines, e.g. {@code train: 812.3 images/s}. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "backend: %s%n", backend));
            s.append(String.format(Locale.ROOT, "batch: %d, iterations: %d measured after %d warm-up%n",
                    batchSize, iterations, warmup));
            s.append(String.format(Locale.ROOT, "train: %.1f images/s%n", trainImagesPerSecond));
            s.append(String.format(Locale.ROOT, "reconstruct: %.1f images/s%n", reconstructImagesPerSecond));
            s.append(String.format(Locale.ROOT, "encode: %.1f images/s%n", encodeImagesPerSecond));
            s.append(String.format(Locale.ROOT, "sample: %.1f images/s%n", sampleImagesPerSecond));
            s.append(String.format(Locale.ROOT, "iteration ms: median %.1f p90 %.1f p99 %.1f max %.1f%n",
                    medianMs, p90Ms, p99Ms, maxMs));
            s.append(String.format(Locale.ROOT, "first iteration: %.0f ms%n", firstIterationMs));
            s.append(peakRssBytes < 0 ? "peak RSS: unknown" + System.lineSeparator()
                    : String.format(Locale.ROOT, "peak RSS: %d MiB%n", peakRssBytes >> 20));
            if (peakRssAfterInferenceBytes >= 0) {
                s.append(String.format(Locale.ROOT, "peak RSS after inference: %d MiB%n",
                        peakRssAfterInferenceBytes >> 20));
            }
            double growth = rssGrowth();
            s.append(Double.isNaN(growth) ? "RSS after warm-up: unknown" + System.lineSeparator()
                    : String.format(Locale.ROOT,
                            "RSS after warm-up: %d MiB, at end: %d MiB, max during measured iterations: %d MiB "
                                    + "(growth %+.1f%%)%n",
                            rssAfterWarmupBytes >> 20, rssAtEndBytes >> 20, maxMeasuredRssBytes >> 20,
                            growth * 100));
            if (host != null) {
                s.append(host);
            }
            return s.toString();
        }

        public void print(PrintStream out) {
            out.print(this);
            out.flush();
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param iterations measured training iterations (≥ 1)
     * @param warmup iterations run first and left out of the percentiles and throughput (≥ 0)
     * @param log progress lines go here (may be null)
     */
    public static Report run(ImageDataset data, VaeConfig config, int iterations, int warmup, PrintStream log) {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("Need at least one measured iteration and no negative warm-up");
        }
        PrintStream out = log == null ? new PrintStream(PrintStream.nullOutputStream()) : log;
        String backend = NativeBackend.describe();
        out.println("bench: " + backend);
        int total = warmup + iterations;
        VaeConfig c = config.toBuilder().iterations(total).build();
        long[] ends = new long[total];
        long[] cpuTicks = new long[total];
        HostCpu.Counters[] host = new HostCpu.Counters[2]; // after warm-up, after the last iteration
        long[] firstStart = new long[1];
        long[] firstDoneWallClock = new long[1];
        int batch = Math.min(c.batchSize(), data.size());
        int every = Math.max(1, total / 10);
        // the baseline is taken after warm-up, or after the first iteration (which builds the graph) without one
        int baselineAt = Math.max(warmup, 1) - 1;
        int rssEvery = Math.max(1, (total - 1 - baselineAt + RSS_SAMPLES - 1) / RSS_SAMPLES);
        long[] rss = {-1, -1, -1}; // after warm-up, at end, max after warm-up
        TrainingResult result;
        try {
            result = new VaeTrainer(c).train(data, p -> {
                long now = System.nanoTime();
                int it = p.iteration();
                ends[it] = now;
                cpuTicks[it] = HostCpu.processTicks();
                if (it == 0) {
                    firstDoneWallClock[0] = System.currentTimeMillis();
                    firstStart[0] = now - Math.round(p.elapsedSeconds() * 1e9);
                }
                if (it == baselineAt) {
                    Steps.resetProfile(); // the warm-up's timings are left out like its iteration times
                    rss[0] = currentRss();
                    host[0] = HostCpu.counters();
                } else if (it > baselineAt && ((it - baselineAt) % rssEvery == 0 || it == total - 1)) {
                    rss[1] = currentRss();
                    rss[2] = Math.max(rss[2], rss[1]);
                }
                if (it == total - 1) {
                    host[1] = HostCpu.counters();
                }
                if ((it + 1) % every == 0 || it == total - 1) {
                    out.printf(Locale.ROOT, "bench: iteration %d/%d loss %.2f, %.1f images/s%n", it + 1, total,
                            p.loss(), p.imagesPerSecond());
                }
            }, () -> false);
        } catch (TrainingCanceledException e) {
            throw new IllegalStateException("benchmark training was canceled", e);
        }
        long trainingRss = peakRss();
        double firstMs = (ends[0] - firstStart[0]) / 1e6;
        double[] ms = new double[iterations];
        double[] cpuMs = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            int it = warmup + i;
            long begin = it == 0 ? firstStart[0] : ends[it - 1];
            ms[i] = (ends[it] - begin) / 1e6;
            boolean known = it > 0 && cpuTicks[it] >= 0 && cpuTicks[it - 1] >= 0;
            cpuMs[i] = known ? (cpuTicks[it] - cpuTicks[it - 1]) * HostCpu.MS_PER_TICK : Double.NaN;
        }
        // the counters span the measured iterations (without warm-up, all but the first, as the RSS baseline does)
        HostLoad hostLoad = host[0] == null || host[1] == null ? null : HostLoad.of(host[0], host[1], ms, cpuMs);
        double measuredMs = 0;
        for (double v : ms) {
            measuredMs += v;
        }
        double trainRate = batch * (double) iterations / (measuredMs / 1e3);
        VaeArchitecture arch = new VaeArchitecture(c);
        if (Steps.profiling()) {
            OpProfile.of(Steps.profile(), arch, batch, measuredMs / iterations)
                    .print(out, "bench: per-op profile of a training iteration (batch " + batch + ")",
                            "loss, KL, the small dense layers, copying the batch");
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);

        try (VaeModel model = result.model()) {
            int n = Math.min(INFERENCE_IMAGES, data.size());
            int pixels = c.imageValues();
            float[] images = new float[n * pixels];
            for (int i = 0; i < n; i++) {
                data.copyImage(i, images, i * pixels);
            }
            int warm = Math.min(n, VaeModel.INFERENCE_BATCH);
            model.reconstruct(images, warm); // builds the graphs, warms up
            model.sample(warm, 1);
            Steps.resetProfile();
            long t0 = System.nanoTime();
            model.reconstruct(images, n);
            double reconstructRate = n / ((System.nanoTime() - t0) / 1e9);
            if (Steps.profiling()) {
                int inferenceBatch = Math.min(n, VaeModel.INFERENCE_BATCH);
                int batches = (n + inferenceBatch - 1) / inferenceBatch;
                OpProfile.of(Steps.profile(), arch, inferenceBatch, n / reconstructRate * 1e3 / batches)
                        .print(out, "bench: per-op profile of reconstructing a batch of " + inferenceBatch,
                                "the small dense layers, copying images in and out");
            }
            t0 = System.nanoTime();
            model.encode(images, n);
            double encodeRate = n / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            model.sample(INFERENCE_IMAGES, 7);
            double sampleRate = INFERENCE_IMAGES / ((System.nanoTime() - t0) / 1e9);
            // a single iteration in all leaves no sample after the baseline: end and max are the baseline
            Report report = new Report(backend, batch, iterations, warmup, trainRate, percentile(sorted, 0.5),
                    percentile(sorted, 0.9), percentile(sorted, 0.99), sorted[sorted.length - 1], firstMs,
                    reconstructRate, encodeRate, sampleRate, trainingRss, peakRss(), firstDoneWallClock[0],
                    rss[0], rss[1] < 0 ? rss[0] : rss[1], rss[2] < 0 ? rss[0] : rss[2], hostLoad);
            return report;
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    /** VmHWM from /proc/self/status in bytes, or -1 where there is no such file. */
    public static long peakRss() {
        return statusBytes("VmHWM:");
    }

    /** VmRSS (the current resident set) from /proc/self/status in bytes, or -1 where there is no such file. */
    public static long currentRss() {
        return statusBytes("VmRSS:");
    }

    private static long statusBytes(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
