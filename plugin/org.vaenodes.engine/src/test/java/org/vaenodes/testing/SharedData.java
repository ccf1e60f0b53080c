package org.vaenodes.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared folder next to the repository ({@code ../shared}: real MNIST, KNIME API index, ...).
 * The surefire argLine sets {@code -Dvaenodes.shared=<repo>/../shared}; without it, {@code ../../../shared}
 * relative to the module folder (the working directory of the tests) is used. Tests that need it are skipped
 * where it is absent (a user's machine).
 */
public final class SharedData {

    /** System property naming the shared folder. */
    public static final String PROPERTY = "vaenodes.shared";

    private SharedData() {
    }

    /** The shared folder (which may not exist). */
    public static Path sharedDir() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank() && !prop.contains("${")) {
            Path fromProperty = Paths.get(prop).toAbsolutePath().normalize();
            // a build started with -f on one module computes the property from that module's folder
            if (Files.isDirectory(fromProperty)) {
                return fromProperty;
            }
        }
        return Paths.get("../../../shared").toAbsolutePath().normalize();
    }

    /** The folder of the real MNIST test set; skips the calling test when it is not there. */
    public static Path mnistDir() {
        Path dir = sharedDir().resolve("data").resolve("mnist");
        boolean exists = Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assumeTrue(exists, "../shared/data/mnist not found (set -Dvaenodes.shared=...): "
                + "skipping the test on the real MNIST test set");
        return dir;
    }

    /** What real KNIME 5.5.3 wrote and did with our nodes; skips the calling test when it is not there. */
    public static Path knimeRealDir() {
        Path dir = sharedDir().resolve("knime-real");
        assumeTrue(Files.isRegularFile(dir.resolve("expected-behaviour.md")),
            "../shared/knime-real not found (set -Dvaenodes.shared=...): skipping the comparison with real KNIME");
        return dir;
    }
}
