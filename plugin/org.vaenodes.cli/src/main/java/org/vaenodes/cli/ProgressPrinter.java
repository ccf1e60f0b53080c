package org.vaenodes.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.TrainingProgress;

/** Prints a progress line at the first and last iteration and at most every {@code intervalMillis} between. */
final class ProgressPrinter implements TrainingListener {

    private final PrintStream out;
    private final long intervalNanos;
    private long lastPrint;

    ProgressPrinter(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void iterationDone(TrainingProgress p) {
        long now = System.nanoTime();
        boolean last = p.iteration() == p.iterations() - 1;
        if (p.iteration() == p.firstIteration() || last || now - lastPrint >= intervalNanos) {
            lastPrint = now;
            out.println(line(p));
        }
    }

    static String line(TrainingProgress p) {
        return String.format(Locale.ROOT, "iteration %d/%d  loss %.3f (reconstruction %.3f, kl %.3f)  %.0f images/s  ETA %s",
                p.iteration() + 1, p.iterations(), p.loss(), p.reconstruction(), p.kl(), p.imagesPerSecond(), p.etaText());
    }
}
