package org.vaenodes.knime.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate of the KNIME API stand-in: the built host bundle and the stand-in link against the real KNIME API
 * (../shared/knime-api/check: latest index, the 5.11.0 release and the 5.5 LTS), so a signature that compiles
 * here but would throw NoSuchMethodError in KNIME fails the build. Skipped where ../shared is absent.
 */
class KnimeApiLinkageTest {

    @ParameterizedTest(name = "index {0}")
    @ValueSource(strings = {"default", "5.11.0", "5.5.3"})
    void hostBundleAndStandInLinkAgainstTheRealKnimeApi(String index) throws IOException, InterruptedException {
        String check = System.getProperty("vaenodes.knime.check", "");
        Assumptions.assumeTrue(!check.isBlank() && Files.isExecutable(Path.of(check)),
                "../shared/knime-api/check not found: skipping the KNIME API linkage gate");
        List<String> command = new ArrayList<>(List.of(check));
        if (!index.equals("default")) {
            command.addAll(List.of("--index", index));
        }
        command.addAll(List.of("--stubs", Artifacts.knimeApiJar().toString(), Artifacts.hostJar().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("check finished").isTrue();
        String[] lines = out.strip().split("\n");
        assertThat(lines[lines.length - 1]).as("check output:\n" + out).matches("knime-api check: \\d+ references, 0 problems");
        assertThat(p.exitValue()).as("check output:\n" + out).isZero();
    }
}
