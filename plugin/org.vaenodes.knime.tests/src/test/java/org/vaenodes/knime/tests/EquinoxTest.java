package org.vaenodes.knime.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The bundles as KNIME gets them: Equinox with a test-only {@code org.knime.core} (the stand-in's classes), the host
 * bundle {@code org.vaenodes.knime} and this platform's native fragment, all as built. Nothing of DL4J/ND4J is on
 * this test's class path, and the framework's parent loader is the boot loader, so training works only if the
 * bundle's embedded jars, the fragment's natives and ND4J's backend discovery work inside OSGi.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EquinoxTest {

    /** Attributes of plugin.xml that name classes KNIME loads through the contributing bundle. */
    private static final List<String> CLASS_ATTRIBUTES = List.of("factory-class", "objectClass", "objectSerializer",
            "specClass", "specSerializer");

    @TempDir
    static Path tmp;

    private static Framework framework;
    private static Bundle knimeCore;
    private static Bundle host;
    private static Bundle fragment;

    @BeforeAll
    static void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("osgi").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // as in an Eclipse/KNIME launch: JDK packages (javax.*, sun.*) through the boot loader, nothing else
        config.put("osgi.compatibility.bootdelegation", "true");
        config.put("osgi.parentClassloader", "boot");
        // JavaCPP's cache in the test's temp folder: the extraction is part of what we test
        System.setProperty("org.bytedeco.javacpp.cachedir", tmp.resolve("javacpp-cache").toString());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(config);
        framework.init();
        framework.start();
        BundleContext ctx = framework.getBundleContext();

        Path knimeCoreJar = knimeCoreBundle(Artifacts.knimeApiJar(), tmp.resolve("org.knime.core_5.5.0.test.jar"));
        knimeCore = ctx.installBundle(knimeCoreJar.toUri().toString());
        host = ctx.installBundle(Artifacts.hostJar().toUri().toString());
        fragment = ctx.installBundle(Artifacts.fragmentJar().toUri().toString());
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    @Test
    @Order(1)
    void bundlesResolveAndStart() throws Exception {
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        boolean resolved = wiring.resolveBundles(List.of(knimeCore, host, fragment));
        assertThat(resolved).as("all bundles resolve").isTrue();
        host.start();
        assertEquals(Bundle.ACTIVE, host.getState(), "host bundle state");
        assertEquals(Bundle.RESOLVED, fragment.getState(), "fragment state (fragments never start)");

        assertEquals("org.vaenodes.knime", host.getSymbolicName());
        assertThat(host.getHeaders().get(Constants.BUNDLE_SYMBOLICNAME)).contains("singleton:=true");
        assertThat(host.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY)).isEqualTo("lazy");
        assertThat(host.getVersion().getQualifier()).matches("\\d{12}");
        assertEquals(Artifacts.fragmentId(), fragment.getSymbolicName());
        assertEquals(host.getVersion(), fragment.getVersion(), "host and fragment come from one build");

        // the fragment is attached to the host, and the host is wired to our org.knime.core
        BundleWiring hostWiring = host.adapt(BundleWiring.class);
        assertThat(hostWiring.getProvidedWires(BundleRevision.HOST_NAMESPACE)).extracting(w -> w.getRequirer()
                .getBundle()).containsExactly(fragment);
        assertThat(hostWiring.getRequiredWires(BundleRevision.BUNDLE_NAMESPACE)).extracting(w -> w.getProvider()
                .getBundle()).contains(knimeCore);

        // the stand-in stays out of the host bundle
        assertThat(host.findEntries("org/knime", "*.class", true)).as("org/knime classes in the host").isNull();
        // the fragment brings the native jars; the host only Java jars
        assertThat(fragment.getHeaders().get(Constants.BUNDLE_CLASSPATH)).contains("nd4j-native");
        assertThat(host.getHeaders().get(Constants.BUNDLE_CLASSPATH)).startsWith(".,").doesNotContain(
                "nd4j-native-1.0.0-M2.1-");
    }

    @Test
    @Order(2)
    void everyClassPluginXmlNamesLoadsThroughTheBundle() throws Exception {
        URL pluginXml = host.getEntry("plugin.xml");
        assertThat(pluginXml).as("plugin.xml at the bundle root").isNotNull();
        Document doc;
        try (InputStream in = pluginXml.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            doc = f.newDocumentBuilder().parse(in);
        }
        List<String> factories = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                String name = attrs.item(a).getNodeName();
                if (CLASS_ATTRIBUTES.contains(name)) {
                    classes.add(attrs.item(a).getNodeValue().trim());
                    if (name.equals("factory-class")) {
                        factories.add(attrs.item(a).getNodeValue().trim());
                    }
                }
            }
        }
        System.out.println("[EquinoxTest] plugin.xml names " + factories.size() + " node factories and "
                + classes.size() + " classes in all");
        if (factories.isEmpty()) {
            System.out.println("[EquinoxTest] NOTE: plugin.xml has no nodes yet");
        }
        Class<?> nodeFactory = knimeCore.loadClass("org.knime.core.node.NodeFactory");
        List<String> missingDescriptions = new ArrayList<>();
        for (String name : classes) {
            Class<?> c = host.loadClass(name);
            assertThat(c.getClassLoader()).as(name + " is defined by the host bundle")
                    .isSameAs(host.adapt(BundleWiring.class).getClassLoader());
            c.getDeclaredMethods(); // links its signatures against org.knime.core
        }
        for (String name : factories) {
            Class<?> c = host.loadClass(name);
            assertThat(nodeFactory.isAssignableFrom(c)).as(name + " is a NodeFactory of our org.knime.core").isTrue();
            c.getConstructor(); // KNIME instantiates factories with their public no-argument constructor
            String description = name.replace('.', '/') + ".xml";
            if (host.getEntry(description) == null) {
                missingDescriptions.add(description);
            }
        }
        // KNIME shows "no description" for such nodes; strict unless -Dvaenodes.requireNodeDescriptions=false
        if (!missingDescriptions.isEmpty()) {
            System.out.println("[EquinoxTest] WARNING: node descriptions missing from the bundle: " + missingDescriptions);
            assertThat(Boolean.getBoolean("vaenodes.requireNodeDescriptions")).as("node descriptions missing: "
                    + missingDescriptions).isFalse();
        }
    }

    @Test
    @Order(3)
    void trainsAndSamplesInsideOsgiWhateverTheContextClassLoader() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // an unrelated loader that sees none of ND4J (and not the host): what KNIME's worker threads may have
        try (URLClassLoader unrelated = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(unrelated);
            Class<?> configClass = host.loadClass("org.vaenodes.engine.model.VaeConfig");
            Object builder = configClass.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            b.getMethod("imageSize", int.class, int.class).invoke(builder, 8, 8);
            b.getMethod("filters", int.class).invoke(builder, 4);
            b.getMethod("latentSize", int.class).invoke(builder, 2);
            b.getMethod("decoderHidden", int.class).invoke(builder, 6);
            b.getMethod("batchSize", int.class).invoke(builder, 16);
            b.getMethod("iterations", int.class).invoke(builder, 5);
            b.getMethod("seed", long.class).invoke(builder, 7L);
            Object config = b.getMethod("build").invoke(builder);

            Object dataset = squares(host, 64, 8, 8, 11);
            Class<?> listenerClass = host.loadClass("org.vaenodes.engine.train.TrainingListener");
            Field none = listenerClass.getField("NONE");
            Class<?> datasetClass = host.loadClass("org.vaenodes.engine.data.ImageDataset");
            Class<?> trainerClass = host.loadClass("org.vaenodes.engine.train.VaeTrainer");
            Object trainer = trainerClass.getConstructor(configClass).newInstance(config);
            Method train = trainerClass.getMethod("train", datasetClass, listenerClass, BooleanSupplier.class);
            BooleanSupplier neverCanceled = () -> false;
            Object result = train.invoke(trainer, dataset, none.get(null), neverCanceled);

            assertThat(thread.getContextClassLoader()).as("context class loader restored").isSameAs(unrelated);
            Object model = result.getClass().getMethod("model").invoke(result);
            double[] loss = (double[]) result.getClass().getMethod("loss").invoke(result);
            assertThat(loss).hasSize(5);
            for (double l : loss) {
                assertThat(Double.isFinite(l)).as("finite loss " + l).isTrue();
            }
            float[] samples = (float[]) model.getClass().getMethod("sample", int.class, long.class)
                    .invoke(model, 3, 5L);
            assertThat(samples).hasSize(3 * 8 * 8);
            for (float v : samples) {
                assertThat(v).isBetween(0f, 1f);
            }

            // ND4J really runs the native CPU backend, loaded by the host bundle (with the fragment's natives)
            Class<?> nd4j = host.loadClass("org.nd4j.linalg.factory.Nd4j");
            Object backend = nd4j.getMethod("getBackend").invoke(null);
            assertThat(backend.getClass().getName()).isEqualTo("org.nd4j.linalg.cpu.nativecpu.CpuBackend");
            assertThat(backend.getClass().getClassLoader()).isSameAs(host.adapt(BundleWiring.class)
                    .getClassLoader());
            Class<?> nativeBackend = host.loadClass("org.vaenodes.engine.nd4j.NativeBackend");
            System.out.println("[EquinoxTest] " + nativeBackend.getMethod("describe").invoke(null));
            try (var libs = Files.list(tmp.resolve("javacpp-cache"))) {
                assertThat(libs).as("JavaCPP extracted the natives into the cache folder").isNotEmpty();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code count} h×w images with a bright square, as an {@code IdxImages} of the bundle. */
    private static Object squares(Bundle bundle, int count, int h, int w, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] pixels = new byte[count * h * w];
        int side = Math.max(1, Math.min(h, w) / 3);
        for (int i = 0; i < count; i++) {
            int top = r.nextInt(h - side + 1);
            int left = r.nextInt(w - side + 1);
            for (int y = top; y < top + side; y++) {
                for (int x = left; x < left + side; x++) {
                    pixels[i * h * w + y * w + x] = (byte) 230;
                }
            }
        }
        Class<?> idxImages = bundle.loadClass("org.vaenodes.engine.idx.IdxImages");
        return idxImages.getMethod("of", int.class, int.class, byte[].class).invoke(null, h, w, pixels);
    }

    /**
     * Wraps the KNIME API stand-in as a bundle named org.knime.core 5.5.0 exporting all its packages: the test's
     * substitute for KNIME's own org.knime.core.
     */
    static Path knimeCoreBundle(Path standIn, Path target) throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile in = new JarFile(standIn.toFile())) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && name.contains("/")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
            }
            Manifest mf = new Manifest();
            Attributes a = mf.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
            a.putValue(Constants.BUNDLE_SYMBOLICNAME, "org.knime.core;singleton:=true");
            a.putValue(Constants.BUNDLE_VERSION, "5.5.0.test");
            a.putValue(Constants.BUNDLE_NAME, "KNIME API stand-in (test only)");
            a.putValue(Constants.EXPORT_PACKAGE, String.join(",", packages));
            try (OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os, mf)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (!entry.isDirectory()) {
                        try (InputStream data = in.getInputStream(entry)) {
                            data.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
