package org.vaenodes.knime.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the update site's p2 metadata (content and artifacts) and checks what a KNIME user gets from it. */
class P2RepositoryTest {

    private static final String FEATURE = "org.vaenodes.knime.feature";
    private static final String HOST = "org.vaenodes.knime";
    private static final List<String> FRAGMENTS = List.of("org.vaenodes.knime.bin.linux.x86_64",
            "org.vaenodes.knime.bin.win32.x86_64", "org.vaenodes.knime.bin.macosx.x86_64",
            "org.vaenodes.knime.bin.macosx.aarch64");

    private static Path repo;
    private static Document content;
    private static Document artifacts;
    private static String version;

    @BeforeAll
    static void read() throws Exception {
        repo = Artifacts.p2Repository();
        content = metadata(repo, "content");
        artifacts = metadata(repo, "artifacts");
        Manifest mf = Artifacts.manifest(Artifacts.hostJar());
        version = mf.getMainAttributes().getValue("Bundle-Version");
    }

    @Test
    void hostBundleUnit() {
        Element host = unit(HOST, version);
        assertThat(provided(host, "osgi.bundle")).contains(HOST + "@" + version);
        Element knime = required(host, "osgi.bundle", "org.knime.core");
        assertEquals("[5.5.0,6.0.0)", knime.getAttribute("range"));
        assertThat(touchpoint(host, "zipped")).as("installed as a folder").isEqualTo("true");
        assertThat(artifact("osgi.bundle", HOST, version)).isNotNull();
        assertThat(Files.exists(repo.resolve("plugins/" + HOST + "_" + version + ".jar"))).isTrue();
    }

    @Test
    void thisPlatformsFragmentWithItsFilter() {
        String id = Artifacts.fragmentId();
        Element fragment = unit(id, version);
        assertThat(provided(fragment, "osgi.fragment")).contains(HOST + "@" + version);
        String[] osArch = osArch(id);
        String filter = text(fragment, "filter").replaceAll("\\s+", "");
        assertThat(filter).contains("(osgi.os=" + osArch[0] + ")").contains("(osgi.arch=" + osArch[1] + ")");
        assertThat(artifact("osgi.bundle", id, version)).isNotNull();
        assertThat(Files.exists(repo.resolve("plugins/" + id + "_" + version + ".jar"))).isTrue();
    }

    @Test
    void everyFragmentInTheRepositoryHasItsPlatformFilter() {
        int found = 0;
        for (String id : FRAGMENTS) {
            List<Element> units = units(id);
            for (Element u : units) {
                String[] osArch = osArch(id);
                assertThat(text(u, "filter").replaceAll("\\s+", "")).isEqualTo(
                        "(&(osgi.arch=" + osArch[1] + ")(osgi.os=" + osArch[0] + "))");
                found++;
            }
        }
        System.out.println("[P2RepositoryTest] fragments in the repository: " + found);
        assertThat(found).isGreaterThanOrEqualTo(1);
    }

    @Test
    void featureGroupIncludesHostAndFragmentsAndRequiresKnimeCore() {
        Element group = unit(FEATURE + ".feature.group", version);
        assertEquals("VAE Nodes for KNIME", property(group, "org.eclipse.equinox.p2.name"));
        assertThat(text(group, "license")).contains("Apache License, Version 2.0").contains("OpenBLAS");
        Element host = required(group, "org.eclipse.equinox.p2.iu", HOST);
        assertEquals("[" + version + "," + version + "]", host.getAttribute("range"));
        for (String id : FRAGMENTS) {
            Element req = required(group, "org.eclipse.equinox.p2.iu", id);
            assertEquals("[" + version + "," + version + "]", req.getAttribute("range"));
            String[] osArch = osArch(id);
            assertThat(text(req, "filter").replaceAll("\\s+", "")).contains("(osgi.os=" + osArch[0] + ")")
                    .contains("(osgi.arch=" + osArch[1] + ")");
        }
        Element knime = required(group, "org.eclipse.equinox.p2.iu", "org.knime.core");
        assertEquals("[5.5.0,6.0.0)", knime.getAttribute("range"));
        unit(FEATURE + ".feature.jar", version);
        assertThat(artifact("org.eclipse.update.feature", FEATURE, version)).isNotNull();
    }

    @Test
    void categoryVaeNodesHoldsTheFeature() {
        Element category = null;
        for (Element u : allUnits()) {
            if ("true".equals(property(u, "org.eclipse.equinox.p2.type.category"))
                    && "VAE Nodes".equals(property(u, "org.eclipse.equinox.p2.name"))) {
                category = u;
            }
        }
        assertNotNull(category, "category unit labelled 'VAE Nodes'");
        Element req = required(category, "org.eclipse.equinox.p2.iu", FEATURE + ".feature.group");
        assertThat(req.getAttribute("range")).contains(version);
    }

    @Test
    void zipOfTheRepositoryExists() throws Exception {
        try (var files = Files.list(repo.getParent())) {
            List<Path> zips = files.filter(p -> p.getFileName().toString().endsWith(".zip")).toList();
            assertThat(zips).hasSize(1);
            try (JarFile zip = new JarFile(zips.get(0).toFile())) {
                assertThat(zip.getEntry("plugins/" + HOST + "_" + version + ".jar")).isNotNull();
                assertThat(zip.getEntry("content.jar") != null || zip.getEntry("content.xml") != null).isTrue();
            }
        }
    }

    // ---- reading p2 metadata

    /** content.xml / artifacts.xml, or their .jar / .xml.xz forms (xz is not read: Tycho writes .jar too). */
    private static Document metadata(Path repo, String name) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Path xml = repo.resolve(name + ".xml");
        if (Files.exists(xml)) {
            try (InputStream in = Files.newInputStream(xml)) {
                return f.newDocumentBuilder().parse(in);
            }
        }
        Path jar = repo.resolve(name + ".jar");
        assertThat(jar).as(name + " metadata").exists();
        try (JarFile j = new JarFile(jar.toFile())) {
            ZipEntry e = j.getEntry(name + ".xml");
            assertNotNull(e, name + ".xml in " + jar);
            try (InputStream in = j.getInputStream(e)) {
                return f.newDocumentBuilder().parse(in);
            }
        }
    }

    private static List<Element> allUnits() {
        List<Element> out = new ArrayList<>();
        NodeList units = content.getElementsByTagName("unit");
        for (int i = 0; i < units.getLength(); i++) {
            out.add((Element) units.item(i));
        }
        return out;
    }

    private static List<Element> units(String id) {
        return allUnits().stream().filter(u -> u.getAttribute("id").equals(id)).toList();
    }

    private static Element unit(String id, String version) {
        List<Element> found = units(id);
        assertThat(found).as("units " + id).extracting(u -> u.getAttribute("version")).containsExactly(version);
        return found.get(0);
    }

    private static List<String> provided(Element unit, String namespace) {
        List<String> out = new ArrayList<>();
        NodeList p = unit.getElementsByTagName("provided");
        for (int i = 0; i < p.getLength(); i++) {
            Element e = (Element) p.item(i);
            if (e.getAttribute("namespace").equals(namespace)) {
                out.add(e.getAttribute("name") + "@" + e.getAttribute("version"));
            }
        }
        return out;
    }

    private static Element required(Element unit, String namespace, String name) {
        NodeList r = unit.getElementsByTagName("required");
        for (int i = 0; i < r.getLength(); i++) {
            Element e = (Element) r.item(i);
            if (e.getAttribute("namespace").equals(namespace) && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError(unit.getAttribute("id") + " has no requirement " + namespace + "/" + name);
    }

    private static String property(Element unit, String name) {
        NodeList p = unit.getElementsByTagName("property");
        for (int i = 0; i < p.getLength(); i++) {
            Element e = (Element) p.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e.getAttribute("value");
            }
        }
        return null;
    }

    /** Text of the first direct or nested child element {@code tag}, or "" if none. */
    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }

    private static String touchpoint(Element unit, String key) {
        NodeList n = unit.getElementsByTagName("instruction");
        for (int i = 0; i < n.getLength(); i++) {
            Element e = (Element) n.item(i);
            if (e.getAttribute("key").equals(key)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element artifact(String classifier, String id, String version) {
        NodeList a = artifacts.getElementsByTagName("artifact");
        for (int i = 0; i < a.getLength(); i++) {
            Element e = (Element) a.item(i);
            if (e.getAttribute("classifier").equals(classifier) && e.getAttribute("id").equals(id)
                    && e.getAttribute("version").equals(version)) {
                return e;
            }
        }
        throw new AssertionError("no artifact " + classifier + "/" + id + "/" + version + " in artifacts.xml");
    }

    /** {os, arch} of a fragment id such as org.vaenodes.knime.bin.macosx.aarch64. */
    private static String[] osArch(String id) {
        String rest = id.substring("org.vaenodes.knime.bin.".length());
        int dot = rest.indexOf('.');
        return new String[] { rest.substring(0, dot), rest.substring(dot + 1) };
    }
}
