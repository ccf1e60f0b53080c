package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The CLI run in this JVM with its output captured. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = VaeCli.execute(args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Asserts a failure with this exit code and a single "error: ..." line; returns that line. */
    String failsWith(int expectedCode) {
        assertThat(code).as("exit code; stderr: %s; stdout: %s", err, out).isEqualTo(expectedCode);
        String line = err.strip();
        assertThat(line).startsWith("error: ").doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        return line;
    }

    /** Names of the temporary files AtomicFiles leaves when something goes wrong, anywhere under dir. */
    static Stream<String> tempFilesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList().stream();
        }
    }
}
