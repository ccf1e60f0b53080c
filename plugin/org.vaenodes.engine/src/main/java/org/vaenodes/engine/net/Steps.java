package org.vaenodes.engine.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A pass of a layer: native ops and Java steps on preallocated arrays, run in order. The op type is resolved
 * once here, not on every run. With {@code -Dvaenodes.profileOps=true} every step is timed ({@link #profile()};
 * org.vaenodes.engine.bench.OpProfile reads it as a table).
 */
public final class Steps {

    /** One timed step: which pass it belongs to and what it took, summed over its runs. */
    public record Timing(String layer, long pass, int index, String op, long nanos, long minNanos, long runs) {
    }

    private static final boolean PROFILING = Boolean.getBoolean("vaenodes.profileOps");
    private static final Map<Key, long[]> PROFILE = new LinkedHashMap<>();

    private record Key(String layer, long pass, int index, String op) {
    }
    private static long profileEpoch;
    private static long runSequence;

    private final List<Runnable> steps = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final String owner;
    private long firstRunEpoch = -1;
    private long firstRun;

    Steps(String owner) {
        this.owner = owner;
    }

    /** A native op: a custom op (conv2d, matmul, …) or a legacy transform, scalar or broadcast op. */
    Steps op(Object op) {
        if (op instanceof CustomOp custom) {
            return java(custom.opName(), () -> Nd4j.exec(custom));
        }
        Op legacy = (Op) op;
        return java(legacy.opName(), () -> Nd4j.exec(legacy));
    }

    Steps java(String name, Runnable step) {
        steps.add(step);
        names.add(name);
        return this;
    }

    Steps then(Steps other) {
        steps.addAll(other.steps);
        names.addAll(other.names);
        return this;
    }

    public void run() {
        if (PROFILING) {
            runTimed();
            return;
        }
        for (Runnable step : steps) {
            step.run();
        }
    }

    private void runTimed() {
        synchronized (PROFILE) {
            if (firstRunEpoch != profileEpoch) {
                // a layer's passes are told apart by the order they first run in: forward before backward
                firstRunEpoch = profileEpoch;
                firstRun = runSequence++;
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            long t = System.nanoTime();
            steps.get(i).run();
            t = System.nanoTime() - t;
            synchronized (PROFILE) {
                long[] v = PROFILE.computeIfAbsent(new Key(owner, firstRun, i, names.get(i)),
                        k -> new long[] {0, Long.MAX_VALUE, 0});
                v[0] += t;
                v[1] = Math.min(v[1], t);
                v[2]++;
            }
        }
    }

    /** Whether steps are timed ({@code -Dvaenodes.profileOps=true}). */
    public static boolean profiling() {
        return PROFILING;
    }

    /** Forgets the timings so far, e.g. those of the warm-up. */
    public static void resetProfile() {
        synchronized (PROFILE) {
            PROFILE.clear();
            profileEpoch++;
        }
    }

    /** The timings since the last reset, in the order the steps first ran. */
    public static List<Timing> profile() {
        synchronized (PROFILE) {
            List<Timing> out = new ArrayList<>();
            for (Map.Entry<Key, long[]> e : PROFILE.entrySet()) {
                Key k = e.getKey();
                long[] v = e.getValue();
                out.add(new Timing(k.layer(), k.pass(), k.index(), k.op(), v[0], v[1], v[2]));
            }
            return out;
        }
    }
}
