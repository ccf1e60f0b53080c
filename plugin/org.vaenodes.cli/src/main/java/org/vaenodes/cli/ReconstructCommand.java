package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Write a PNG grid of the first images (rows of originals above their reconstructions).")
final class ReconstructCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip")
    Path modelFile;

    @Option(names = "--images", required = true, paramLabel = "FILE")
    Path images;

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
        new PathChecks().input("--images", images).input("--model", modelFile).output("--out", out).check();
        cli.startBackend();
        IdxDataset data = Inputs.images(images, null);
        try (VaeModel model = Inputs.model(modelFile)) {
            Inputs.checkSize(model, data, images);
            write(model, data, count, columns, out);
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
