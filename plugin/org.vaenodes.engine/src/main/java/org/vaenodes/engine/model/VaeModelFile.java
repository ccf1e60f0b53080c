package org.vaenodes.engine.model;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.io.AtomicFiles;

/**
 * The model file: one zip with {@value #MANIFEST} (format name and version, training facts),
 * {@value #CONFIG} (the {@link VaeConfig} as JSON), one {@code weights/NAME.nd4j} entry per parameter in
 * ND4J's binary array format and, when the model keeps its {@link OptimizerState} (from format version 2), Adam's
 * moments as {@value #FIRST_MOMENTS} and {@value #SECOND_MOMENTS} (flat FLOAT arrays of the parameter count), in
 * that order; the manifest then names the optimizer, its step count, the moments' layout and how the random
 * streams are positioned. Version-1 files (no optimizer state) are read too. No Java serialization. Files are written to a temporary file
 * beside the target and moved into place, so a failed save never leaves a half-written model. Reading is done
 * by {@link ModelFileReader}, which treats every file as possibly crafted (see {@link ModelFileLimits}).
 */
public final class VaeModelFile {

    public static final String FORMAT = "vae-nodes-model";
    public static final int FORMAT_VERSION = 2;
    /** The oldest version still read: its models have no optimizer state. */
    public static final int OLDEST_READ_VERSION = 1;
    static final String MANIFEST = "vae-model.properties";
    static final String CONFIG = "config.json";
    static final String WEIGHTS_DIR = "weights/";
    static final String FIRST_MOMENTS = "optimizer/adam-m.nd4j";
    static final String SECOND_MOMENTS = "optimizer/adam-v.nd4j";
    static final String OPTIMIZER = "optimizer";
    static final String OPTIMIZER_ITERATION = "optimizer.iteration";
    static final String OPTIMIZER_LAYOUT = "optimizer.layout";
    static final String RANDOM_STREAMS = "randomStreams";

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
        OptimizerState state = model.optimizerState();
        if (state != null) {
            manifest.setProperty(OPTIMIZER, "adam");
            manifest.setProperty(OPTIMIZER_ITERATION, Integer.toString(state.adamIteration()));
            manifest.setProperty(OPTIMIZER_LAYOUT, OptimizerState.LAYOUT);
            manifest.setProperty(RANDOM_STREAMS, OptimizerState.RANDOM_STREAMS);
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        manifest.store(zip, "VAE Nodes for KNIME model");
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(CONFIG));
        zip.write(model.config().toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        // exactly the configuration's parameters, as FLOAT: the reader accepts nothing else
        for (VaeWeights.Param p : VaeWeights.params(model.config())) {
            INDArray a = model.weights().get(p.name());
            zip.putNextEntry(new ZipEntry(WEIGHTS_DIR + p.name() + ".nd4j"));
            DataOutputStream data = new DataOutputStream(zip);
            Nd4j.write(a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT), data);
            data.flush();
            zip.closeEntry();
        }
        if (state != null) {
            writeFlat(zip, FIRST_MOMENTS, state.firstMoments());
            writeFlat(zip, SECOND_MOMENTS, state.secondMoments());
        }
        zip.finish();
    }

    /**
     * A flat FLOAT array in the layout {@code Nd4j.write} gives a rank-1 array (see {@link Nd4jArrayReader}),
     * written from the heap: the moments never pass through native memory on their way to the file.
     */
    private static void writeFlat(ZipOutputStream zip, String entry, float[] values) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(zip, 1 << 16));
        data.writeUTF(Nd4jArrayReader.ALLOCATION_MODE);
        data.writeLong(6); // rank, shape, stride, extras, element-wise stride, order
        data.writeUTF("LONG");
        long[] info = {1, values.length, 1, Nd4jArrayReader.FLOAT_FLAG, 1, 'c'};
        for (long v : info) {
            data.writeLong(v);
        }
        data.writeUTF(Nd4jArrayReader.ALLOCATION_MODE);
        data.writeLong(values.length);
        data.writeUTF("FLOAT");
        for (float v : values) {
            data.writeFloat(v);
        }
        data.flush();
        zip.closeEntry();
    }

    /**
     * @throws ModelFileException naming the file when it is not a model file, has a format version this one does
     *     not read, or is damaged
     */
    public static VaeModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": no such model file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a model zip from {@code in} to its end (not closed); {@code source} names it in errors. Nothing in the
     * stream reaches native memory before it is checked against the configuration and {@link ModelFileLimits}.
     *
     * @throws ModelFileException one line naming {@code source} and the entry when the stream is not a model
     *     file, has another format version, or is damaged or crafted
     */
    public static VaeModel read(InputStream in, String source) throws IOException {
        return ModelFileReader.read(in, source);
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
