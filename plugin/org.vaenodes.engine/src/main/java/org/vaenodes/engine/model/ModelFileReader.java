package org.vaenodes.engine.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * Reads a model zip that may have been crafted to harm: entries are taken in the order {@link VaeModelFile#write}
 * writes them (manifest, configuration, weights), each is bounded before it is read, and the weights are decoded
 * and checked in Java ({@link Nd4jArrayReader}) against the names and shapes the configuration implies. Only
 * validated values reach native memory. Every refusal is a {@link ModelFileException} of one line that names
 * the file and the entry.
 */
final class ModelFileReader {

    /** Manifest and configuration, compressed, with their zip headers. */
    private static final long HEAD_BYTES = 1 << 20;
    /** Zip headers of one entry (name and extra field up to 64 KiB each) and its central directory record. */
    private static final long ENTRY_OVERHEAD_BYTES = 256 * 1024;
    /** Both ND4J buffer headers of one array. */
    private static final long ARRAY_HEADER_BYTES = 256;

    private static final String DAMAGED = "the model file is damaged or was not written by VAE Nodes";

    private final String source;
    private final BoundedInput input;
    private final ZipInputStream zip;

    private ModelFileReader(InputStream in, String source) {
        this.source = source;
        this.input = new BoundedInput(in, source, HEAD_BYTES);
        this.zip = new ZipInputStream(input);
    }

    /** See {@link VaeModelFile#read(InputStream, String)}; reads {@code in} to its end. */
    static VaeModel read(InputStream in, String source) throws IOException {
        try {
            return new ModelFileReader(in, source).read();
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ZipInputStream signals bad data with ZipException, EOFException and, for undecodable entry names,
            // IllegalArgumentException
            throw new ModelFileException(source + ": damaged or truncated model file (" + oneLine(e) + ")");
        }
    }

    private VaeModel read() throws IOException {
        Properties manifest = readManifest();
        VaeConfig config = readConfig();
        List<VaeWeights.Param> params = VaeWeights.params(config);
        long values;
        try {
            values = ModelFileLimits.parameterCount(params);
        } catch (InvalidConfigException e) {
            throw new ModelFileException(source + ": " + VaeModelFile.CONFIG + ": " + oneLine(e));
        }
        input.setLimit(input.consumed() + ENTRY_OVERHEAD_BYTES * (params.size() + 1)
                + ARRAY_HEADER_BYTES * params.size() + 8 * values + 8 * values / 64);
        Map<String, INDArray> weights = readWeights(params);
        return new VaeModel(config, weights, parseInt(manifest.getProperty("iterationsTrained"), 0),
                parseDouble(manifest.getProperty("finalLoss")));
    }

    private Properties readManifest() throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !entry.getName().equals(VaeModelFile.MANIFEST)) {
            throw new ModelFileException(source + ": not a VAE model file (it does not start with "
                    + VaeModelFile.MANIFEST + " naming format '" + VaeModelFile.FORMAT + "')");
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new ByteArrayInputStream(readText(entry)));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + ": " + VaeModelFile.MANIFEST + " is not a properties file ("
                    + oneLine(e) + "); " + DAMAGED);
        }
        if (!VaeModelFile.FORMAT.equals(manifest.getProperty("format"))) {
            throw new ModelFileException(source + ": not a VAE model file (" + VaeModelFile.MANIFEST
                    + " does not name format '" + VaeModelFile.FORMAT + "')");
        }
        String version = manifest.getProperty("formatVersion", "?");
        if (!Integer.toString(VaeModelFile.FORMAT_VERSION).equals(version)) {
            throw new ModelFileException(source + ": model file format version " + Nd4jArrayReader.shorten(version)
                    + " is not supported by this version of VAE Nodes (it reads version " + VaeModelFile.FORMAT_VERSION
                    + "); retrain the model or use the matching VAE Nodes version");
        }
        return manifest;
    }

    private VaeConfig readConfig() throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            throw new ModelFileException(source + ": the model file has no " + VaeModelFile.CONFIG + "; " + DAMAGED);
        }
        if (!entry.getName().equals(VaeModelFile.CONFIG)) {
            throw new ModelFileException(source + ": entry " + shown(entry) + " where " + VaeModelFile.CONFIG
                    + " belongs; " + DAMAGED);
        }
        String json = new String(readText(entry), StandardCharsets.UTF_8);
        String where = source + ": " + VaeModelFile.CONFIG;
        if (nesting(json) > ModelFileLimits.MAX_CONFIG_NESTING) {
            throw new ModelFileException(where + " nests deeper than a VAE configuration does; " + DAMAGED);
        }
        try {
            return VaeConfig.fromJson(json);
        } catch (InvalidConfigException e) {
            throw new ModelFileException(where + ": invalid model configuration: " + oneLine(e));
        } catch (RuntimeException e) {
            // VaeConfig's derived sizes use int arithmetic; a crafted layer list can make it divide by zero
            throw new ModelFileException(where + ": unusable model configuration (" + oneLine(e) + "); " + DAMAGED);
        }
    }

    private Map<String, INDArray> readWeights(List<VaeWeights.Param> params) throws IOException {
        Map<String, VaeWeights.Param> expected = new HashMap<>();
        for (VaeWeights.Param p : params) {
            expected.put(VaeModelFile.WEIGHTS_DIR + p.name() + ".nd4j", p);
        }
        Map<String, INDArray> read = new HashMap<>();
        boolean complete = false;
        try {
            NativeBackend.start();
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                VaeWeights.Param p = expected.get(name);
                if (p == null) {
                    throw new ModelFileException(source + ": entry " + shown(entry) + (isHeader(name)
                            ? " appears twice" : " is not part of a model with this configuration") + "; " + DAMAGED);
                }
                if (read.containsKey(p.name())) {
                    throw new ModelFileException(source + ": entry " + shown(entry) + " appears twice; " + DAMAGED);
                }
                float[] values = Nd4jArrayReader.read(zip, p.shape(), source + ": entry " + name);
                read.put(p.name(), toNative(values, p, name));
            }
            drainRest();
            Map<String, INDArray> ordered = new LinkedHashMap<>();
            for (VaeWeights.Param p : params) {
                INDArray a = read.get(p.name());
                if (a == null) {
                    throw new ModelFileException(source + ": the model file has no weights for '" + p.name()
                            + "' (entry " + VaeModelFile.WEIGHTS_DIR + p.name() + ".nd4j); " + DAMAGED);
                }
                ordered.put(p.name(), a);
            }
            complete = true;
            return ordered;
        } finally {
            if (!complete) {
                read.values().forEach(INDArray::close);
            }
        }
    }

    private INDArray toNative(float[] values, VaeWeights.Param p, String entry) throws ModelFileException {
        try {
            return Nd4j.create(values, p.shape(), 'c');
        } catch (OutOfMemoryError e) {
            throw new ModelFileException(source + ": entry " + entry + " needs " + (4L * values.length >> 20)
                    + " MB of native memory, more than ND4J may use; raise -Dorg.bytedeco.javacpp.maxbytes or free memory");
        }
    }

    /** The central directory follows the last entry; reading it bounded keeps a nested model from overrunning. */
    private void drainRest() throws IOException {
        byte[] skip = new byte[8192];
        while (input.read(skip) >= 0) {
            // counted by input
        }
    }

    private byte[] readText(ZipEntry entry) throws IOException {
        byte[] bytes = zip.readNBytes(ModelFileLimits.MAX_TEXT_ENTRY_BYTES + 1);
        if (bytes.length > ModelFileLimits.MAX_TEXT_ENTRY_BYTES) {
            throw new ModelFileException(source + ": entry " + shown(entry) + " is larger than "
                    + ModelFileLimits.MAX_TEXT_ENTRY_BYTES / 1024 + " KiB; " + DAMAGED);
        }
        return bytes;
    }

    private static boolean isHeader(String name) {
        return name.equals(VaeModelFile.MANIFEST) || name.equals(VaeModelFile.CONFIG);
    }

    /** Deepest bracket nesting outside strings; Jackson's tree reader recurses once per level. */
    static int nesting(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '[' || ch == '{') {
                max = Math.max(max, ++depth);
            } else if (ch == ']' || ch == '}') {
                depth--;
            }
        }
        return max;
    }

    private static String shown(ZipEntry entry) {
        return Nd4jArrayReader.shorten(entry.getName());
    }

    /** A foreign message (Jackson's quotes the input) cut to one short line. */
    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return m.length() <= 300 ? m : m.substring(0, 297) + "...";
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
}
