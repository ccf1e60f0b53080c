package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.vaenodes.engine.idx.IdxDataset;

import picocli.CommandLine.Option;

/** The input images (and optional labels) of the commands that read an IDX file. */
final class ImageInputOptions {

    @Option(names = "--images", required = true, paramLabel = "FILE", description = "IDX image file (raw or gzip).")
    Path images;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "IDX label file (optional; checked against the images).")
    Path labels;

    /** Adds both files as inputs to be checked before any work. */
    PathChecks addTo(final PathChecks checks) {
        return checks.input("--images", images).input("--labels", labels);
    }

    IdxDataset read() throws IOException {
        return Inputs.images(images, labels);
    }
}
