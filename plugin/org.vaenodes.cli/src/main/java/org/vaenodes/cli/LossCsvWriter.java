package org.vaenodes.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.vaenodes.engine.io.AtomicFiles;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.TrainingProgress;

/**
 * Streams every iteration's losses to a CSV while training runs, so that the file gets all of them however long
 * the run (the trainer itself keeps a bounded history). Rows go to a temporary file beside the target, which
 * {@link #commit()} moves into place; closing without committing deletes it, so a failed run leaves nothing.
 */
final class LossCsvWriter implements TrainingListener, AutoCloseable {

    static final String HEADER = "iteration,loss,reconstruction,kl,elapsed_s\n";

    private final Path target;
    private final Path tmp;
    private final Writer out;
    private boolean committed;

    LossCsvWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        this.tmp = AtomicFiles.tempFileBeside(this.target);
        Writer w = null;
        try {
            w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
            w.write(HEADER);
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                w.close();
            }
            Files.deleteIfExists(tmp);
            throw e;
        }
        this.out = w;
    }

    static String row(int iteration, double loss, double reconstruction, double kl, double elapsedSeconds) {
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.3f%n", iteration, loss, reconstruction, kl, elapsedSeconds);
    }

    @Override
    public void iterationDone(TrainingProgress p) {
        try {
            out.write(row(p.iteration(), p.loss(), p.reconstruction(), p.kl(), p.elapsedSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the loss CSV: " + e.getMessage(), e);
        }
    }

    /** Finishes the file and moves it onto the target. */
    void commit() throws IOException {
        out.close();
        AtomicFiles.moveIntoPlace(tmp, target);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
