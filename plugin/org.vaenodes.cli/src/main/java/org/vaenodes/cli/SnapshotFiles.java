package org.vaenodes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.vaenodes.engine.io.AtomicFiles;
import org.vaenodes.engine.train.TrainingSnapshot;

/**
 * Prints each snapshot's losses and, with a folder, writes its pictures as {@code iteration-<n>.png} (inputs above
 * their reconstructions) and {@code samples-<n>.png}, each through a temporary file moved into place.
 */
final class SnapshotFiles {

    private final PrintStream out;
    private final Path dir;

    /** @param dir where the pictures go (created when missing); null to print the losses only */
    SnapshotFiles(PrintStream out, Path dir) {
        this.out = out;
        this.dir = dir;
    }

    static Path comparison(Path dir, int iteration) {
        return dir.resolve("iteration-" + iteration + ".png");
    }

    static Path samples(Path dir, int iteration) {
        return dir.resolve("samples-" + iteration + ".png");
    }

    void taken(TrainingSnapshot s) {
        String validation = s.hasValidation() ? String.format(Locale.ROOT, ", validation loss %.3f (reconstruction"
                + " %.3f, kl %.3f)", s.validationLoss(), s.validationReconstruction(), s.validationKl()) : "";
        out.printf(Locale.ROOT, "snapshot at iteration %d: training loss %.3f%s (took %.3f s)%n", s.iteration(),
                s.trainingLoss(), validation, s.costSeconds());
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(comparison(dir, s.iteration()), o -> o.write(s.reconstructionsPng()));
            AtomicFiles.write(samples(dir, s.iteration()), o -> o.write(s.samplesPng()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
