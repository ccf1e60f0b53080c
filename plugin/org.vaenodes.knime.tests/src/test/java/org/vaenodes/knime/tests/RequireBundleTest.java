package org.vaenodes.knime.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The host's Require-Bundle names every KNIME bundle that {@code ../shared/knime-api/check --which-bundles} says the
 * compiled classes need, each with a 5.5 lower bound (the LTS). Skipped where ../shared is absent.
 */
class RequireBundleTest {

    private static final Pattern BUNDLE = Pattern.compile("([A-Za-z0-9_.]+);bundle-version=\"([^\"]+)\"");

    @Test
    void requireBundleCoversWhatTheKnimeApiCheckAsksFor() throws Exception {
        String check = System.getProperty("vaenodes.knime.check", "");
        Assumptions.assumeTrue(!check.isBlank() && Files.isExecutable(Path.of(check)), "no knime-api check here");
        String manifest = Artifacts.manifest(Artifacts.hostJar()).getMainAttributes().getValue("Require-Bundle");
        List<String> needed = needed(check, Artifacts.hostJar());
        System.out.println("[RequireBundleTest] check --which-bundles: " + needed + "; MANIFEST: " + manifest);
        assertThat(needed).isNotEmpty();
        for (String bundle : needed) {
            Matcher m = BUNDLE.matcher(manifest);
            String range = null;
            while (m.find()) {
                if (m.group(1).equals(bundle)) {
                    range = m.group(2);
                }
            }
            assertThat(range).as("Require-Bundle " + bundle).isNotNull();
            assertThat(range).as(bundle + " range").startsWith("[5.5.0,");
        }
    }

    private static List<String> needed(String check, Path jar) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(check, "--which-bundles", jar.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> bundles = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (line.startsWith("Require-Bundle:")) {
                Matcher m = BUNDLE.matcher(line);
                while (m.find()) {
                    bundles.add(m.group(1));
                }
            }
        }
        assertThat(bundles).as("check output:\n" + out).isNotEmpty();
        return bundles;
    }
}
