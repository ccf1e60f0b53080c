package org.vaenodes.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.vaenodes.engine.io.AtomicFiles;
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
     * iteration,loss,reconstruction,kl,elapsed_s — the rows the result kept (every iteration from 0 for runs up to
     * {@link org.vaenodes.engine.train.LossHistory#DEFAULT_CAPACITY}; {@code train} streams every one instead).
     */
    static void writeLossCsv(Path file, TrainingResult r) throws IOException {
        writeText(file, lossCsv(r));
    }

    private static Content lossCsv(TrainingResult r) {
        return w -> {
            w.write(LossCsvWriter.HEADER);
            for (int i = 0; i < r.history().size(); i++) {
                w.write(LossCsvWriter.row(r.iteration()[i], r.loss()[i], r.reconstruction()[i], r.kl()[i],
                        r.elapsedSeconds()[i]));
            }
        };
    }
}
