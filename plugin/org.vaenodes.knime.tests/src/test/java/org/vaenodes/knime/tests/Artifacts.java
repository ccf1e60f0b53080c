package org.vaenodes.knime.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The built artifacts under test, from the system properties the pom sets. */
final class Artifacts {

    private Artifacts() {
    }

    static Path file(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven: "
                    + "mvn verify -pl plugin/org.vaenodes.knime.tests -am)");
        }
        Path p = Path.of(value);
        if (!Files.exists(p)) {
            throw new IllegalStateException(property + " points to a missing file: " + p);
        }
        return p;
    }

    static Path knimeApiJar() {
        return file("vaenodes.knimeapi.jar");
    }

    static Path hostJar() {
        return file("vaenodes.host.jar");
    }

    static Path fragmentJar() {
        return file("vaenodes.fragment.jar");
    }

    static String fragmentId() {
        return System.getProperty("vaenodes.fragment.id");
    }

    static Path p2Repository() {
        return file("vaenodes.p2.repository");
    }

    static Manifest manifest(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }
}
