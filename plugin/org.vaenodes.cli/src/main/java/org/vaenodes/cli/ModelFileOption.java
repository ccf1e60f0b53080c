package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Option;

/** The trained model file of the commands that use one. */
final class ModelFileOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "A model file written by train.")
    Path file;

    PathChecks addTo(final PathChecks checks) {
        return checks.input("--model", file);
    }

    VaeModel open() throws IOException {
        return Inputs.model(file);
    }
}
