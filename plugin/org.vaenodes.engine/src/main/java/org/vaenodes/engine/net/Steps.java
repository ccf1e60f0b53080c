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
 * once here, not on every run. With {@code -Dvaenodes.profileOps=true} every step is timed ({@link #PROFILE}).
 */
public final class Steps {

    /** Per-step timing when profiling: step name → [sum ns, min ns, count]. */
    public static final Map<String, long[]> PROFILE = new LinkedHashMap<>();
    private static final boolean PROFILING = Boolean.getBoolean("vaenodes.profileOps");

    private final List<Runnable> steps = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final String owner;

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
            for (int i = 0; i < steps.size(); i++) {
                long t = System.nanoTime();
                steps.get(i).run();
                t = System.nanoTime() - t;
                long[] v = PROFILE.computeIfAbsent(owner + ":" + i + ":" + names.get(i),
                        k -> new long[] {0, Long.MAX_VALUE, 0});
                v[0] += t;
                v[1] = Math.min(v[1], t);
                v[2]++;
            }
            return;
        }
        for (Runnable step : steps) {
            step.run();
        }
    }
}
