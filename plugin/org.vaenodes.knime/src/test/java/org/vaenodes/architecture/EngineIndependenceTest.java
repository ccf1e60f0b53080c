package org.vaenodes.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The engine must stay usable without KNIME: nothing in org.vaenodes.engine may reference org.knime. */
class EngineIndependenceTest {

    @Test
    void engineSourcesDoNotReferenceKnime() throws IOException {
        Path engine = Path.of("src/main/java/org/vaenodes/engine");
        assertThat(engine).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(engine)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("org.knime");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).as("engine files that reference org.knime").isEmpty();
    }

    @Test
    void compiledEngineClassesDoNotReferenceKnime() throws IOException {
        Path classes = Path.of("target/classes/org/vaenodes/engine");
        assertThat(classes).isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".class")).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains("org/knime/");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).as("engine classes that link to org.knime").isEmpty();
        }
    }
}
