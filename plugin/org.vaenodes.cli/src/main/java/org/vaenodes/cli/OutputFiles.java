package org.vaenodes.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.vaenodes.engine.io.AtomicFiles;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.engine.train.TrainingResult;

/** Text outputs of the CLI and the trained model, each written to a temporary file and moved into place. */
final class OutputFiles {

    private OutputFiles() {
    }

    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    static void writeText(Path file, Content content) throws IOException {
        AtomicFiles.write(file, text(content));
    }

    private static AtomicFiles.Content text(Content content) {
        return out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        };
    }

    /**
     * The trained model and, unless {@code lossCsvOrNull} is null, its loss CSV: both are written to temporary
     * files before either is moved into place, so a failure while writing one leaves neither.
     */
    static void writeModelAndLossCsv(TrainingResult r, Path model, Path lossCsvOrNull) throws IOException {
        try (AtomicFiles.Staged m = AtomicFiles.stage(model, out -> VaeModelFile.write(r.model(), out));
                AtomicFiles.Staged csv = lossCsvOrNull == null ? null
                        : AtomicFiles.stage(lossCsvOrNull, text(lossCsv(r)))) {
            m.commit();
            if (csv != null) {
                csv.commit();
            }
        }
    }

    /** iteration,loss,reconstruction,kl,elapsed_s — one row per iteration from 0. */
    static void writeLossCsv(Path file, TrainingResult r) throws IOException {
        writeText(file, lossCsv(r));
    }

    private static Content lossCsv(TrainingResult r) {
        return w -> {
            w.write("iteration,loss,reconstruction,kl,elapsed_s\n");
            for (int i = 0; i < r.iterations(); i++) {
                w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.3f%n", i, r.loss()[i], r.reconstruction()[i],
                        r.kl()[i], r.elapsedSeconds()[i]));
            }
        };
    }
}
