package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.image.GridBounds;
import org.vaenodes.engine.image.ImageGrids;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Decode random points z ~ N(0, I) into new images and write them as a PNG grid.")
final class SampleCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Mixin
    ModelFileOption model;

    @Option(names = "--count", paramLabel = "N", description = "Images (default: ${DEFAULT-VALUE}).")
    int count = 64;

    @Option(names = "--columns", paramLabel = "C", description = "Images per row (default: ${DEFAULT-VALUE}).")
    int columns = 8;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the z draws (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--count", count, 1);
        Arguments.atLeast("--columns", columns, 1);
        model.addTo(new PathChecks()).output("--out", out).check();
        cli.startBackend();
        try (VaeModel vae = model.open()) {
            checkCount(vae.config(), count);
            MemoryEstimate.sampling(vae.config(), count).check(MemoryBudget.current());
            write(vae, count, columns, seed, out);
        }
        System.out.println("wrote " + out);
        return 0;
    }

    /** One PNG grid holds at most {@link GridBounds#maxImages} images: a million tiles is not a picture. */
    static void checkCount(VaeConfig config, int count) {
        int max = GridBounds.maxImages(config.height(), config.width());
        if (count > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--count %,d is more than the %,d images of "
                    + "%d×%d one grid may hold; use --count %,d or less (more grids with different --seed values)",
                    count, max, config.height(), config.width(), max));
        }
    }

    static void write(VaeModel model, int count, int columns, long seed, Path out) throws java.io.IOException {
        float[] images = model.sample(count, seed);
        PngImages.writePng(ImageGrids.tiles(images, count, model.config().channels(), model.config().height(),
                model.config().width(), columns), out);
    }
}
