package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.vaenodes.engine.data.ImageFolder;
import org.vaenodes.engine.image.ImageResize;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.model.VaeConfig;

import picocli.CommandLine.Option;

/**
 * The input images of the commands that read images: an IDX file (with optional IDX labels) or a folder of
 * PNG/JPEG files (with optional labels from the sub-folders' names).
 */
final class ImageInputOptions {

    @Option(names = "--images", required = true, paramLabel = "FILE|DIR",
            description = "IDX image file (raw or gzip), or a folder: every PNG/JPEG file below it, sorted by path.")
    Path images;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "IDX label file (optional; checked against the images).")
    Path labels;

    @Option(names = "--labels-from-folders",
            description = "With --images DIR: each image's label is the name of its first sub-folder below DIR.")
    boolean labelsFromFolders;

    @Option(names = "--resize",
            description = "With --images DIR: resize pictures of another size (" + ImageResize.METHOD + ") to the "
                    + "model's size (train: the first file's) instead of refusing them.")
    boolean resize;

    @Option(names = "--channels", paramLabel = "1|3",
            description = "With --images DIR, train: 1 (gray) or 3 (RGB; default: 3 when any picture has colour). "
                    + "Other commands use the model's.")
    Integer channels;

    private boolean folder() {
        return images != null && Files.isDirectory(images, LinkOption.NOFOLLOW_LINKS);
    }

    /** Adds the inputs to be checked before any work, and checks the options that go together. */
    PathChecks addTo(final PathChecks checks) {
        if (folder()) {
            if (labels != null) {
                throw new UsageException("--labels is for IDX images; with --images DIR use --labels-from-folders");
            }
            if (channels != null && channels != 1 && channels != 3) {
                throw new UsageException("--channels must be 1 (gray) or 3 (RGB), got " + channels);
            }
            return checks.inputFolder("--images", images);
        }
        if (labelsFromFolders || resize || channels != null) {
            throw new UsageException((labelsFromFolders ? "--labels-from-folders" : resize ? "--resize" : "--channels")
                    + " is for --images DIR (a folder of PNG/JPEG files), not an IDX file");
        }
        return checks.input("--images", images).input("--labels", labels);
    }

    /** The images for training: a folder at its first file's size, with the channels asked for. */
    InputImages read() throws IOException {
        if (!folder()) {
            return InputImages.of(Inputs.images(images, labels), images);
        }
        return InputImages.of(ImageFolder.read(images, new ImageFolder.Request(channels == null ? 0 : channels, 0, 0,
                resize, labelsFromFolders, "--resize"), MemoryBudget.current(), () -> false), images);
    }

    /** The images for a model: a folder read at the model's size and channels. */
    InputImages read(final VaeConfig model) throws IOException {
        if (!folder()) {
            InputImages in = InputImages.of(Inputs.images(images, labels), images);
            Inputs.checkSize(model, in.images(), images);
            return in;
        }
        if (channels != null && channels != model.channels()) {
            throw new UsageException("--channels " + channels + ": the model has " + model.channels()
                    + "; leave --channels out (the images are converted to the model's)");
        }
        return InputImages.of(ImageFolder.read(images, new ImageFolder.Request(model.channels(), model.height(),
                model.width(), resize, labelsFromFolders, "--resize"), MemoryBudget.current(), () -> false), images);
    }
}
