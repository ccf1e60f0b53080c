package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Write a PNG grid of the first images (rows of originals above their reconstructions; colour "
                + "for RGB models) and, with --scores, every image's anomaly scores as CSV.")
final class ReconstructCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Mixin
    ModelFileOption model;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--count", paramLabel = "N", description = "Images to show (default: ${DEFAULT-VALUE}).")
    int count = 16;

    @Option(names = "--columns", paramLabel = "C", description = "Images per row (default: ${DEFAULT-VALUE}).")
    int columns = 8;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Option(names = "--scores", paramLabel = "FILE.csv",
            description = "Also write index[,label][,file],reconstruction_error,negative_elbo for every image (the "
                    + "model's loss terms at the latent mean; higher: more anomalous).")
    Path scores;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--count", count, 1);
        Arguments.atLeast("--columns", columns, 1);
        model.addTo(input.addTo(new PathChecks())).output("--out", out).output("--scores", scores).check();
        cli.startBackend();
        try (VaeModel vae = model.open()) {
            InputImages data = input.read(vae.config());
            write(vae, data, count, columns, out);
            if (scores != null) {
                ImageScoresCsv.write(vae, data, scores);
                System.out.println("wrote " + scores);
            }
        }
        System.out.println("wrote " + out);
        return 0;
    }

    static void write(VaeModel model, IdxDataset data, int count, int columns, Path out) throws java.io.IOException {
        write(model, InputImages.of(data, out), count, columns, out);
    }

    static void write(VaeModel model, InputImages data, int count, int columns, Path out) throws java.io.IOException {
        int n = Math.max(1, Math.min(count, data.size()));
        float[] originals = data.values(0, n);
        float[] reconstructions = model.reconstruct(originals, n);
        PngImages.writePng(ImageGrids.comparison(originals, reconstructions, n, model.config().channels(),
                model.config().height(), model.config().width(), columns), out);
    }
}
