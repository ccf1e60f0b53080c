package org.vaenodes.engine.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.vaenodes.engine.model.VaeArchitecture;
import org.vaenodes.engine.net.FlatAdam;
import org.vaenodes.engine.net.Steps;

/**
 * Where an iteration's time goes, layer by layer and pass by pass, from the step timings of
 * {@link Steps#profile()} ({@code -Dvaenodes.profileOps=true}): ms per run, share of the measured time, and
 * achieved GFLOP/s of each pass (forward: 2 FLOP per multiply-add; backward: 4, for the products with respect
 * to the input and to the weights). Timing each step separately costs a little, so the shares are what to read,
 * not the sum.
 */
public final class OpProfile {

    /** One layer's pass: its steps' ms per run and its multiply-adds per run (0 where not counted). */
    public record Pass(String layer, String pass, double ms, double flop, Map<String, Double> opMs) {

        /** Achieved GFLOP/s; NaN where no multiply-adds are counted for the pass. */
        public double gflops() {
            return flop > 0 ? flop / (ms * 1e6) : Double.NaN;
        }
    }

    private final List<Pass> passes;
    private final double runMs;

    private OpProfile(List<Pass> passes, double runMs) {
        this.passes = passes;
        this.runMs = runMs;
    }

    /**
     * @param timings the steps' timings of one kind of run (training iterations, or inference batches)
     * @param runMs the measured wall time of one run (iteration or batch), the table's 100%
     */
    public static OpProfile of(List<Steps.Timing> timings, VaeArchitecture arch, int batch, double runMs) {
        Map<String, Long> macs = macsPerImage(arch);
        // per layer, its passes in the order they first ran
        Map<String, List<Long>> order = new LinkedHashMap<>();
        for (Steps.Timing t : timings) {
            List<Long> seen = order.computeIfAbsent(t.layer(), k -> new ArrayList<>());
            if (!seen.contains(t.pass())) {
                seen.add(t.pass());
            }
        }
        Map<String, Pass> byKey = new LinkedHashMap<>();
        Map<String, Map<String, Double>> ops = new HashMap<>();
        for (Steps.Timing t : timings) {
            List<Long> layerPasses = order.get(t.layer());
            int rank = layerPasses.indexOf(t.pass());
            String pass = t.layer().equals(FlatAdam.LAYER) ? "update" : rank == 0 ? "forward"
                    : rank == 1 ? "backward" : "pass " + (rank + 1);
            String key = t.layer() + "/" + pass;
            double ms = t.nanos() / 1e6 / Math.max(1, t.runs());
            ops.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(t.index() + " " + t.op(), ms, Double::sum);
            Pass before = byKey.get(key);
            long m = macs.getOrDefault(t.layer(), 0L) * batch;
            double flop = m * (pass.equals("backward") ? 4.0 : pass.equals("forward") ? 2.0 : 0.0);
            byKey.put(key, new Pass(t.layer(), pass, (before == null ? 0 : before.ms()) + ms, flop, ops.get(key)));
        }
        return new OpProfile(List.copyOf(byKey.values()), runMs);
    }

    public List<Pass> passes() {
        return passes;
    }

    /** The table, slowest pass first, and the time outside the layers' steps (what {@code outside} names). */
    public void print(PrintStream out, String title, String outside) {
        List<Pass> sorted = new ArrayList<>(passes);
        sorted.sort((a, b) -> Double.compare(b.ms(), a.ms()));
        out.printf(Locale.ROOT, "%s: %.1f ms per run%n", title, runMs);
        out.printf(Locale.ROOT, "| layer | pass | ms | share | GFLOP/s | steps (ms) |%n|---|---|---|---|---|---|%n");
        double inLayers = 0;
        for (Pass p : sorted) {
            inLayers += p.ms();
            StringJoiner steps = new StringJoiner(", ");
            p.opMs().forEach((op, ms) -> steps.add(String.format(Locale.ROOT, "%s %.2f", op.substring(op.indexOf(' ') + 1), ms)));
            out.printf(Locale.ROOT, "| %s | %s | %.2f | %.1f%% | %s | %s |%n", p.layer(), p.pass(), p.ms(),
                    100 * p.ms() / runMs, Double.isNaN(p.gflops()) ? "" : String.format(Locale.ROOT, "%.1f", p.gflops()),
                    steps);
        }
        out.printf(Locale.ROOT, "| (outside the layers: %s) | | %.2f | %.1f%% | | |%n", outside, runMs - inLayers,
                100 * (runMs - inLayers) / runMs);
    }

    /** Multiply-adds of one image in each profiled layer, by the layer's name in the steps. */
    static Map<String, Long> macsPerImage(VaeArchitecture arch) {
        Map<String, Long> macs = new HashMap<>();
        List<VaeArchitecture.Conv> convs = new ArrayList<>(arch.encoder());
        convs.addAll(arch.decoder());
        for (VaeArchitecture.Conv c : convs) {
            long k2 = (long) c.kernelSize() * c.kernelSize();
            // a transposed convolution spreads each input position over k×k outputs of every filter
            long positions = c.transposed() ? (long) c.inHeight() * c.inWidth() : (long) c.outHeight() * c.outWidth();
            macs.put(c.kernel(), positions * c.inChannels() * c.outChannels() * k2);
        }
        macs.put("latent", arch.mean().in() * arch.mean().out() + arch.logStd().in() * arch.logStd().out());
        macs.put("output", arch.output().in() * arch.output().out());
        return macs;
    }
}
