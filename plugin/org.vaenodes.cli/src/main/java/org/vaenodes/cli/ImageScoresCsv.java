package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.vaenodes.engine.model.VaeModel;

/**
 * The per-image anomaly scores of {@code reconstruct --scores} and {@code evaluate --scores}:
 * {@code index[,label][,file],reconstruction_error,negative_elbo}, one row per image in input order, written
 * atomically. Both scores are in the units of the model's loss (see {@link VaeModel#scores}); higher means
 * the model explains the image worse.
 */
final class ImageScoresCsv {

    static final String RECONSTRUCTION = "reconstruction_error";
    static final String NEGATIVE_ELBO = "negative_elbo";

    /** Images scored at once: bounds the memory for large inputs. */
    private static final int CHUNK = 4 * VaeModel.INFERENCE_BATCH;

    private ImageScoresCsv() {
    }

    static void write(VaeModel model, InputImages in, Path out) throws IOException {
        OutputFiles.writeText(out, w -> {
            StringBuilder header = new StringBuilder("index");
            if (in.hasLabels()) {
                header.append(",label");
            }
            if (in.folder() != null) {
                header.append(",file");
            }
            w.write(header.append(',').append(RECONSTRUCTION).append(',').append(NEGATIVE_ELBO).append('\n').toString());
            for (int start = 0; start < in.size(); start += CHUNK) {
                int n = Math.min(CHUNK, in.size() - start);
                VaeModel.ImageScores s = model.scores(in.values(start, n), n);
                for (int i = 0; i < n; i++) {
                    StringBuilder row = new StringBuilder().append(start + i);
                    if (in.hasLabels()) {
                        row.append(',').append(InputImages.csv(in.label(start + i)));
                    }
                    if (in.folder() != null) {
                        row.append(',').append(InputImages.csv(in.file(start + i)));
                    }
                    row.append(String.format(Locale.ROOT, ",%.6f,%.6f%n", s.reconstructionError()[i], s.negativeElbo()[i]));
                    w.write(row.toString());
                }
            }
        });
    }
}
