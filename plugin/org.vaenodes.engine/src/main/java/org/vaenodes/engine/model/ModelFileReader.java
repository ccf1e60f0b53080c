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
        int adamIteration = optimizerIteration(manifest);
        boolean withOptimizer = adamIteration >= 0;
        int arrays = params.size() + (withOptimizer ? 2 : 0);
        long arrayValues = withOptimizer ? 3 * values : values;
        input.setLimit(input.consumed() + ENTRY_OVERHEAD_BYTES * (arrays + 1)
                + ARRAY_HEADER_BYTES * arrays + 8 * arrayValues + 8 * arrayValues / 64);
        float[][] moments = withOptimizer ? new float[2][] : null;
        Map<String, INDArray> weights = readWeights(params, moments, values);
        OptimizerState state = withOptimizer ? new OptimizerState(moments[0], moments[1], adamIteration) : null;
        return new VaeModel(config, weights, parseInt(manifest.getProperty("iterationsTrained"), 0),
                parseDouble(manifest.getProperty("finalLoss")), state);
    }

    /**
     * Adam's step count when the manifest says the file holds optimizer state (then both moment entries must
     * follow the weights), else −1. A layout or random-stream scheme this version does not know is refused: the
     * moments would be read, and training continued, wrongly.
     */
    private int optimizerIteration(Properties manifest) throws ModelFileException {
        String optimizer = manifest.getProperty(VaeModelFile.OPTIMIZER);
        if (optimizer == null) {
            for (String key : new String[] {VaeModelFile.OPTIMIZER_ITERATION, VaeModelFile.OPTIMIZER_LAYOUT,
                    VaeModelFile.RANDOM_STREAMS}) {
                if (manifest.getProperty(key) != null) {
                    throw new ModelFileException(source + ": " + VaeModelFile.MANIFEST + " has " + key
                            + " but names no optimizer; " + DAMAGED);
                }
            }
            return -1;
        }
        String where = source + ": " + VaeModelFile.MANIFEST;
        if (!manifest.getProperty("formatVersion").equals("2")) {
            throw new ModelFileException(where + " names an optimizer, which format version "
                    + manifest.getProperty("formatVersion") + " does not hold; " + DAMAGED);
        }
        if (!optimizer.equals("adam")) {
            throw new ModelFileException(where + " names optimizer '" + Nd4jArrayReader.shorten(optimizer)
                    + "'; VAE Nodes trains with 'adam' only; " + DAMAGED);
        }
        expectProperty(manifest, VaeModelFile.OPTIMIZER_LAYOUT, OptimizerState.LAYOUT);
        expectProperty(manifest, VaeModelFile.RANDOM_STREAMS, OptimizerState.RANDOM_STREAMS);
        int iteration = parseInt(manifest.getProperty(VaeModelFile.OPTIMIZER_ITERATION), -1);
        if (iteration < 0) {
            throw new ModelFileException(where + ": " + VaeModelFile.OPTIMIZER_ITERATION + " is "
                    + Nd4jArrayReader.shorten(String.valueOf(manifest.getProperty(VaeModelFile.OPTIMIZER_ITERATION)))
                    + ", not a step count of 0 or more; " + DAMAGED);
        }
        return iteration;
    }

    private void expectProperty(Properties manifest, String key, String expected) throws ModelFileException {
        String value = manifest.getProperty(key);
        if (!expected.equals(value)) {
            throw new ModelFileException(source + ": " + VaeModelFile.MANIFEST + ": " + key + " is "
                    + (value == null ? "missing" : "'" + Nd4jArrayReader.shorten(value) + "'") + ", this version of"
                    + " VAE Nodes reads '" + expected + "' only; load the model in the version that wrote it");
        }
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
        if (!version.equals("1") && !version.equals("2")) {
            throw new ModelFileException(source + ": model file format version " + Nd4jArrayReader.shorten(version)
                    + " is not supported by this version of VAE Nodes (it reads versions "
                    + VaeModelFile.OLDEST_READ_VERSION + " to " + VaeModelFile.FORMAT_VERSION
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

    /**
     * @param moments null for none; else Adam's first and second moments, each of {@code parameterCount} floats, are
     *        expected after the weights and land in {@code moments[0]} and {@code moments[1]}
     */
    private Map<String, INDArray> readWeights(List<VaeWeights.Param> params, float[][] moments, long parameterCount)
            throws IOException {
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
                if (name.equals(VaeModelFile.FIRST_MOMENTS) || name.equals(VaeModelFile.SECOND_MOMENTS)) {
                    readMoments(entry, moments, parameterCount, read.size() == params.size());
                    continue;
                }
                if (moments != null && moments[0] != null) {
                    throw new ModelFileException(source + ": entry " + shown(entry) + " after the optimizer state; "
                            + DAMAGED);
                }
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
            if (moments != null && (moments[0] == null || moments[1] == null)) {
                throw new ModelFileException(source + ": the model file has no entry "
                        + (moments[0] == null ? VaeModelFile.FIRST_MOMENTS : VaeModelFile.SECOND_MOMENTS)
                        + ", which its " + VaeModelFile.MANIFEST + " announces; " + DAMAGED);
            }
            complete = true;
            return ordered;
        } finally {
            if (!complete) {
                read.values().forEach(INDArray::close);
            }
        }
    }

    /** One moment entry: in its place (after every weight, m before v, each once), checked, kept on the heap. */
    private void readMoments(ZipEntry entry, float[][] moments, long values, boolean weightsDone) throws IOException {
        boolean first = entry.getName().equals(VaeModelFile.FIRST_MOMENTS);
        if (moments == null) {
            throw new ModelFileException(source + ": entry " + shown(entry) + " holds optimizer state that "
                    + VaeModelFile.MANIFEST + " does not announce; " + DAMAGED);
        }
        if (moments[first ? 0 : 1] != null) {
            throw new ModelFileException(source + ": entry " + shown(entry) + " appears twice; " + DAMAGED);
        }
        if (!weightsDone || (!first && moments[0] == null)) {
            throw new ModelFileException(source + ": entry " + shown(entry) + " is out of order (the weights, then "
                    + VaeModelFile.FIRST_MOMENTS + ", then " + VaeModelFile.SECOND_MOMENTS + "); " + DAMAGED);
        }
        moments[first ? 0 : 1] = Nd4jArrayReader.read(zip, new long[] {values}, source + ": entry " + entry.getName(),
                first ? Nd4jArrayReader.Bound.FIRST_MOMENT : Nd4jArrayReader.Bound.SECOND_MOMENT);
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
