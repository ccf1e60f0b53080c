package org.vaenodes.engine.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.io.AtomicFiles;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * The model file: one zip with {@value #MANIFEST} (format name and version, training facts),
 * {@value #CONFIG} (the {@link VaeConfig} as JSON) and one {@code weights/NAME.nd4j} entry per parameter in
 * ND4J's binary array format. No Java serialization. Files are written to a temporary file beside the target
 * and moved into place, so a failed save never leaves a half-written model.
 */
public final class VaeModelFile {

    public static final String FORMAT = "vae-nodes-model";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "vae-model.properties";
    static final String CONFIG = "config.json";
    static final String WEIGHTS_DIR = "weights/";
    private static final long MAX_ENTRY_BYTES = 1L << 31;

    private VaeModelFile() {
    }

    public static void save(VaeModel model, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(model, out));
    }

    /** Writes the model zip to {@code out}, which stays open. */
    public static void write(VaeModel model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
        manifest.setProperty("iterationsTrained", Integer.toString(model.iterationsTrained()));
        manifest.setProperty("finalLoss", Double.toString(model.finalLoss()));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        manifest.store(zip, "VAE Nodes for KNIME model");
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(CONFIG));
        zip.write(model.config().toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (Map.Entry<String, INDArray> e : model.weights().entrySet()) {
            zip.putNextEntry(new ZipEntry(WEIGHTS_DIR + e.getKey() + ".nd4j"));
            DataOutputStream data = new DataOutputStream(zip);
            Nd4j.write(e.getValue(), data);
            data.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * @throws ModelFileException naming the file when it is not a model file, has another format version, or
     *     is damaged
     */
    public static VaeModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": no such model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a model zip from {@code in} (not closed); {@code source} names it in errors. */
    public static VaeModel read(InputStream in, String source) throws IOException {
        Properties manifest = null;
        String configJson = null;
        Map<String, byte[]> weightBytes = new HashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                byte[] bytes = readEntry(zip, source, name);
                if (name.equals(MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new ByteArrayInputStream(bytes));
                } else if (name.equals(CONFIG)) {
                    configJson = new String(bytes, StandardCharsets.UTF_8);
                } else if (name.startsWith(WEIGHTS_DIR) && name.endsWith(".nd4j")) {
                    weightBytes.put(name.substring(WEIGHTS_DIR.length(), name.length() - ".nd4j".length()), bytes);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(source + ": damaged or truncated model file (" + e.getMessage() + ")");
        }
        if (manifest == null || !FORMAT.equals(manifest.getProperty("format"))) {
            throw new ModelFileException(source + ": not a VAE model file (no " + MANIFEST + " naming format '"
                    + FORMAT + "')");
        }
        String version = manifest.getProperty("formatVersion", "?");
        if (!Integer.toString(FORMAT_VERSION).equals(version)) {
            throw new ModelFileException(source + ": model file format version " + version
                    + " is not supported by this version of VAE Nodes (it reads version " + FORMAT_VERSION
                    + "); retrain the model or use the matching VAE Nodes version");
        }
        if (configJson == null) {
            throw new ModelFileException(source + ": the model file has no " + CONFIG);
        }
        VaeConfig config;
        try {
            config = VaeConfig.fromJson(configJson);
        } catch (InvalidConfigException e) {
            throw new ModelFileException(source + ": invalid model configuration: " + e.getMessage());
        }
        NativeBackend.start();
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (VaeWeights.Param p : VaeWeights.params(config)) {
            byte[] bytes = weightBytes.get(p.name());
            if (bytes == null) {
                throw new ModelFileException(source + ": the model file has no weights for '" + p.name() + "'");
            }
            INDArray a;
            try {
                a = Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes)));
            } catch (RuntimeException e) {
                throw new ModelFileException(source + ": damaged weights '" + p.name() + "': " + e.getMessage());
            }
            if (!java.util.Arrays.equals(a.shape(), p.shape())) {
                throw new ModelFileException(source + ": weights '" + p.name() + "' have shape "
                        + java.util.Arrays.toString(a.shape()) + ", the configuration needs "
                        + java.util.Arrays.toString(p.shape()));
            }
            weights.put(p.name(), a.castTo(DataType.FLOAT));
        }
        int iterations = parseInt(manifest.getProperty("iterationsTrained"), 0);
        double finalLoss = parseDouble(manifest.getProperty("finalLoss"));
        return new VaeModel(config, weights, iterations, finalLoss);
    }

    private static byte[] readEntry(ZipInputStream zip, String source, String name) throws IOException {
        byte[] bytes = zip.readNBytes((int) Math.min(MAX_ENTRY_BYTES - 1, Integer.MAX_VALUE - 8));
        if (zip.read() != -1) {
            throw new ModelFileException(source + ": entry " + name + " is larger than 2 GiB");
        }
        return bytes;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Lets a ZipOutputStream finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
