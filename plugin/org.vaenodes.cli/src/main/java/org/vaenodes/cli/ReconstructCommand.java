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
        description = "Write a PNG grid of the first images (rows of originals above their reconstructions).")
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

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--count", count, 1);
        Arguments.atLeast("--columns", columns, 1);
        model.addTo(input.addTo(new PathChecks())).output("--out", out).check();
        cli.startBackend();
        IdxDataset data = input.read();
        try (VaeModel vae = model.open()) {
            Inputs.checkSize(vae, data, input.images);
            write(vae, data, count, columns, out);
        }
        System.out.println("wrote " + out);
        return 0;
    }

    static void write(VaeModel model, IdxDataset data, int count, int columns, Path out) throws java.io.IOException {
        int n = Math.max(1, Math.min(count, data.size()));
        float[] originals = Inputs.pixels(data, n);
        float[] reconstructions = model.reconstruct(originals, n);
        PngImages.writePng(ImageGrids.comparison(originals, reconstructions, n, model.config().height(),
                model.config().width(), columns), out);
    }
}
