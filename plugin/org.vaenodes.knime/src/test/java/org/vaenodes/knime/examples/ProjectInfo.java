package org.vaenodes.knime.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bundle and feature identity as the build writes them, read from the sources the build uses: the bundle
 * MANIFEST attributes in {@code plugin/org.vaenodes.knime/pom.xml} (antrun), the version and vendor properties of
 * the root {@code pom.xml}, and the feature's {@code feature.xml}.
 *
 * <p>The OSGi version is {@code 0.1.0.<build time>}; the workflows carry its release part ({@code 0.1.0}), which
 * sorts at or below every build of that release, so that the committed files do not change with each build. KNIME
 * does not compare this field for nodes that are not executed (FORMAT.md §2).
 */
record ProjectInfo(Path root, String bundleSymbolicName, String bundleName, String vendor, String version,
    String featureId, String featureLabel, Path featureXml) {

    static ProjectInfo read() throws IOException {
        Path root = repositoryRoot();
        String rootPom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        String bundlePom =
            Files.readString(root.resolve("plugin/org.vaenodes.knime/pom.xml"), StandardCharsets.UTF_8);
        String osgi = group(rootPom, "<osgi\\.version>([^<]+)</osgi\\.version>", "osgi.version");
        Matcher release = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)").matcher(osgi);
        if (!release.find()) {
            throw new IOException("osgi.version \"" + osgi + "\" does not start with major.minor.micro");
        }
        String vendor = group(rootPom, "<vaenodes\\.vendor>([^<]+)</vaenodes\\.vendor>", "vaenodes.vendor");
        String bsn = group(bundlePom, "name=\"Bundle-SymbolicName\" value=\"([^\";]+)", "Bundle-SymbolicName");
        String name = group(bundlePom, "name=\"Bundle-Name\" value=\"([^\"]+)\"", "Bundle-Name");
        Path feature = featureXml(root);
        String featureText = Files.readString(feature, StandardCharsets.UTF_8);
        String featureTag = group(featureText, "(<feature\\b[^>]*>)", "<feature>");
        String id = group(featureTag, "\\bid=\"([^\"]+)\"", "feature id");
        String label = group(featureTag, "\\blabel=\"([^\"]+)\"", "feature label");
        return new ProjectInfo(root, bsn, name, vendor, release.group(1), id, label, feature);
    }

    /** The folder holding the root pom.xml and plugin/org.vaenodes.knime (tests run in the module folder). */
    static Path repositoryRoot() throws IOException {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("plugin/org.vaenodes.knime"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IOException("Cannot find the repository root above " + Paths.get("").toAbsolutePath());
    }

    /** The feature's feature.xml source below feature/ (not a copy under target/). */
    static Path featureXml(final Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve("feature"))) {
            return s.filter(p -> p.getFileName().toString().equals("feature.xml"))
                .filter(p -> !root.relativize(p).toString().replace('\\', '/').contains("target/"))
                .sorted().findFirst()
                .orElseThrow(() -> new IOException("No feature.xml below " + root.resolve("feature")));
        }
    }

    private static String group(final String text, final String regex, final String what) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IOException("Cannot find " + what);
        }
        return m.group(1).trim();
    }

    Workflow.NodeOrigin origin(final String factory, final String nodeName) {
        return new Workflow.NodeOrigin(factory, nodeName, bundleName, bundleSymbolicName, vendor, version,
            featureLabel, featureId + ".feature.group", vendor, version);
    }

    Path examplesDir() {
        return root.resolve("examples");
    }
}
