package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.ModelZips.Entry;

/**
 * Crafted model files, one kind of attack per test: each must be refused with one line naming the file and the
 * entry, before anything from it reaches native memory, and without reading far into an entry that inflates
 * to gigabytes.
 */
class HostileModelFileTest {

    private static final String FILE = "crafted.zip";
    private static final String OUT_W = "weights/dec_out_W.nd4j"; // shape [8, 16]
    private static final long[] OUT_SHAPE = {8, 16};
    private static final long GIGABYTES = 5L << 29; // 2.5 GiB

    private static VaeModel model;
    private static byte[] valid;

    @BeforeAll
    static void writeValidFile() {
        model = ModelZips.model(ModelZips.tinyConfig());
        valid = ModelZips.write(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    // ---- the valid file ------------------------------------------------------------------------------------

    @Test
    void filesWrittenByVaeModelFileLoadBitForBit() throws Exception {
        try (VaeModel loaded = VaeModelFile.read(new ByteArrayInputStream(valid), FILE)) {
            assertThat(loaded.config()).isEqualTo(model.config());
            assertThat(loaded.iterationsTrained()).isEqualTo(7);
            assertThat(loaded.finalLoss()).isEqualTo(0.25);
            assertThat(loaded.weights().keySet()).containsExactlyElementsOf(model.weights().keySet());
            for (String name : model.weights().keySet()) {
                INDArray a = loaded.weights().get(name);
                assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
                assertThat(a.shape()).isEqualTo(model.weights().get(name).shape());
                assertThat(Arrays.equals(values(a), values(model.weights().get(name)))).as(name).isTrue();
            }
            List<Entry> again = ModelZips.entries(ModelZips.write(loaded));
            List<Entry> before = ModelZips.entries(valid);
            assertThat(ModelZips.names(again)).isEqualTo(ModelZips.names(before));
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).name().equals(VaeModelFile.MANIFEST)) { // its comment holds the date
                    assertThat(again.get(i).data()).as(before.get(i).name()).isEqualTo(before.get(i).data());
                }
            }
        }
    }

    @Test
    void arraysNd4jWroteInFortranOrderOrAsDoubleLoadWithTheSameValues() throws Exception {
        INDArray w = model.weights().get("dec_out_W");
        byte[] file = ModelZips.replace(valid, OUT_W, nd4jWrite(w.dup('f')));
        try (VaeModel loaded = VaeModelFile.read(new ByteArrayInputStream(file), FILE)) {
            assertThat(values(loaded.weights().get("dec_out_W"))).isEqualTo(values(w));
        }
        file = ModelZips.replace(valid, OUT_W, nd4jWrite(w.castTo(DataType.DOUBLE)));
        try (VaeModel loaded = VaeModelFile.read(new ByteArrayInputStream(file), FILE)) {
            assertThat(values(loaded.weights().get("dec_out_W"))).isEqualTo(values(w));
        }
    }

    // ---- ND4J headers --------------------------------------------------------------------------------------

    @Test
    void hugeDeclaredLengthIsRefusedBeforeAnyNativeAllocation() {
        long nativeBefore = Pointer.totalBytes();
        assertThat(refused(withOut(b -> {
            b.dataLength = 2_000_000_000L;
            b.valueCount = 0;
        })).getMessage()).contains("entry " + OUT_W, "declares 2000000000 values, its shape [8, 16] has 128");
        assertThat(refused(withOut(b -> b.infoLength = 2_000_000_000L)).getMessage())
                .contains("entry " + OUT_W, "shape information of 2000000000 values");
        assertThat(refused(withOut(b -> b.dataLength = -1L)).getMessage()).contains("declares -1 values");
        assertThat(Pointer.totalBytes() - nativeBefore).isLessThan(1 << 20);
    }

    @Test
    void bufferShorterOrLongerThanItsShapeIsRefused() {
        assertThat(refused(withOut(b -> {
            b.dataLength = 127L;
            b.valueCount = 127;
        })).getMessage()).contains(OUT_W, "declares 127 values, its shape [8, 16] has 128");
        assertThat(refused(withOut(b -> b.valueCount = 100)).getMessage()).contains(OUT_W, "ends early");
        assertThat(refused(withOut(b -> b.dataLength = 129L)).getMessage()).contains("declares 129 values");
        assertThat(refused(withOut(b -> b.trailing = new byte[4])).getMessage()).contains(OUT_W,
                "has bytes after its 128 values");
    }

    @Test
    void dataTypeThatDisagreesWithTheLayoutIsRefused() {
        assertThat(refused(withOut(b -> b.dataType = "DOUBLE")).getMessage()).contains(OUT_W,
                "data type 'DOUBLE', expected 'FLOAT'");
        assertThat(refused(withOut(b -> {
            b.extras = Nd4jArrayReader.DOUBLE_FLAG;
        })).getMessage()).contains("data type 'FLOAT', expected 'DOUBLE'");
        assertThat(refused(withOut(b -> b.extras = 1L << 12)).getMessage()).contains("data type flags 4096");
        assertThat(refused(withOut(b -> b.infoType = "INT")).getMessage()).contains("shape information type 'INT'");
        assertThat(refused(withOut(b -> b.infoMode = "HEAP")).getMessage()).contains("allocation mode 'HEAP'");
    }

    @Test
    void shapeOrLayoutThatDisagreesWithTheConfigurationIsRefused() {
        Nd4jBytes narrower = Nd4jBytes.of(8, 15);
        assertThat(refused(ModelZips.replace(valid, OUT_W, narrower.build())).getMessage()).contains(OUT_W,
                "has shape [8, 15], the configuration needs [8, 16]");
        assertThat(refused(ModelZips.replace(valid, OUT_W, Nd4jBytes.of(8, 16, 1).build())).getMessage())
                .contains("shape information of 10 values, a rank-2 array has 8");
        assertThat(refused(withOut(b -> b.rank = 3L)).getMessage()).contains("has rank 3, expected 2");
        assertThat(refused(withOut(b -> b.strides = new long[] {1, 8})).getMessage()).contains("strides [1, 8]");
        assertThat(refused(withOut(b -> b.elementStride = 0)).getMessage()).contains("element stride 0");
        assertThat(refused(withOut(b -> b.order = 'x')).getMessage()).contains("array order 120");
    }

    // ---- entries ------------------------------------------------------------------------------------------

    @Test
    void missingDuplicateAndUnknownEntriesAreRefused() {
        List<Entry> entries = ModelZips.entries(valid);
        List<Entry> without = new ArrayList<>(entries);
        without.removeIf(e -> e.name().equals("weights/mean_b.nd4j"));
        assertThat(refused(ModelZips.zip(without)).getMessage()).contains("no weights for 'mean_b'",
                "weights/mean_b.nd4j");

        assertThat(refused(ModelZips.zip(plus(entries, entries.get(3)))).getMessage())
                .contains("entry " + entries.get(3).name() + " appears twice");
        assertThat(refused(ModelZips.zip(plus(entries, entries.get(0)))).getMessage())
                .contains("entry vae-model.properties appears twice");
        assertThat(refused(ModelZips.zip(plus(entries, new Entry("weights/extra.nd4j", new byte[10])))).getMessage())
                .contains("entry weights/extra.nd4j is not part of a model with this configuration");
        assertThat(refused(ModelZips.zip(plus(entries, new Entry("notes.txt", new byte[10])))).getMessage())
                .contains("entry notes.txt is not part of");

        List<Entry> configFirst = new ArrayList<>(entries);
        configFirst.set(0, entries.get(1));
        configFirst.set(1, entries.get(0));
        assertThat(refused(ModelZips.zip(configFirst)).getMessage()).contains("not a VAE model file");
        List<Entry> noConfig = new ArrayList<>(entries);
        noConfig.remove(1);
        assertThat(refused(ModelZips.zip(noConfig)).getMessage())
                .contains("entry " + entries.get(2).name() + " where config.json belongs");
        assertThat(refused(ModelZips.zip(entries.subList(0, 1))).getMessage()).contains("has no config.json");
    }

    @Test
    void entriesThatInflateToGigabytesAreRefusedAfterReadingLittle() throws Exception {
        List<Entry> entries = ModelZips.entries(valid);
        List<Entry> head = entries.subList(0, 1);
        List<Entry> headAndConfig = entries.subList(0, 2);

        assertRefusedEarly(ModelZips.withInflatingEntry(List.of(), VaeModelFile.MANIFEST, new byte[0], (byte) '#',
                GIGABYTES), "entry vae-model.properties is larger than 64 KiB");
        assertRefusedEarly(ModelZips.withInflatingEntry(head, VaeModelFile.CONFIG, "{".getBytes(StandardCharsets.UTF_8),
                (byte) ' ', GIGABYTES), "entry config.json is larger than 64 KiB");
        assertRefusedEarly(ModelZips.withInflatingEntry(headAndConfig, OUT_W, Nd4jBytes.of(OUT_SHAPE).build(),
                (byte) 0, GIGABYTES), "entry " + OUT_W + " has bytes after its 128 values");
        assertRefusedEarly(ModelZips.withInflatingEntry(headAndConfig, OUT_W, new byte[0], (byte) 0, GIGABYTES),
                "entry " + OUT_W + " has shape information allocation mode ''");
        assertRefusedEarly(ModelZips.withInflatingEntry(headAndConfig, "junk.bin", new byte[0], (byte) 0, GIGABYTES),
                "entry junk.bin is not part of a model");
    }

    @Test
    void deflateDataThatInflatesToNothingIsBoundedToo() throws Exception {
        List<Entry> headAndConfig = ModelZips.entries(valid).subList(0, 2);
        byte[] header = Arrays.copyOf(Nd4jBytes.of(OUT_SHAPE).build(), 20);
        byte[] file = ModelZips.withEmptyBlocksEntry(headAndConfig, OUT_W, header, 2_000_000);
        assertThat(file.length).isGreaterThan(9_000_000);
        assertThat(refused(file).getMessage()).contains("larger than its configuration allows");
    }

    // ---- values -------------------------------------------------------------------------------------------

    @Test
    void nonFiniteOrHugeValuesAreRefused() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3e38, -2e6}) {
            assertThat(refused(withOut(b -> b.values[5] = bad)).getMessage()).as("value " + bad)
                    .contains("entry " + OUT_W, "holds " + (double) (float) bad + " at value 5", "within ±1000000: ", "retrain the model");
        }
        assertThat(refused(withOut(b -> {
            b.extras = Nd4jArrayReader.DOUBLE_FLAG;
            b.dataType = "DOUBLE";
            b.values[127] = 1e300;
        })).getMessage()).contains("holds 1.0E300 at value 127");
    }

    @Test
    void valuesAtTheBoundLoad() throws Exception {
        byte[] file = withOut(b -> {
            b.values[0] = ModelFileLimits.MAX_ABS_WEIGHT;
            b.values[1] = -ModelFileLimits.MAX_ABS_WEIGHT;
        });
        try (VaeModel loaded = VaeModelFile.read(new ByteArrayInputStream(file), FILE)) {
            assertThat(loaded.weights().get("dec_out_W").getFloat(0)).isEqualTo(1e6f);
            assertThat(loaded.weights().get("dec_out_W").getFloat(1)).isEqualTo(-1e6f);
        }
    }

    // ---- manifest and configuration ------------------------------------------------------------------------

    @Test
    void hugeMalformedOrUnusableConfigurationsAreRefused() {
        assertThat(refused(config("{\"height\": 4, " + " ".repeat(70_000) + "}")).getMessage())
                .contains("entry config.json is larger than 64 KiB");
        assertThat(refused(config("{\"height\": 4,")).getMessage()).contains(FILE + ": config.json: invalid model "
                + "configuration: The VAE configuration is not valid JSON");
        assertThat(refused(config("[1, 2]")).getMessage()).contains("must be a JSON object");
        assertThat(refused(config("{\"height\": 0}")).getMessage()).contains("Image height must be between 1 and 4096");
        assertThat(refused(config("{\"height\": \"tall\"}")).getMessage()).contains("'height' must be a whole number");
        assertThat(refused(config("{\"a\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}")).getMessage())
                .contains("config.json nests deeper than a VAE configuration does");
        // 32 strides of 2 multiply to 2^32 (a division by zero in int arithmetic once): VaeConfig's checked
        // arithmetic refuses it, naming the setting
        String strides = "[" + "2, ".repeat(31) + "2]";
        assertThat(refused(config("{\"height\": 8, \"width\": 8, \"kernelSize\": 2, \"encoderStrides\": " + strides
                + ", \"encoderFilters\": " + strides + "}")).getMessage())
                .contains(FILE + ": config.json: invalid model configuration: ", "encoder strides");
    }

    @Test
    void configurationsImplyingTooManyValuesAreRefusedBeforeAnyWeights() {
        // VaeConfig itself refuses to build this (its feature maps and parameters are far too large), so the file's
        // JSON is written by hand
        String huge = VaeConfig.defaults().toJson().replaceFirst("\"height\"\\s*:\\s*28", "\"height\" : 2048")
                .replaceFirst("\"width\"\\s*:\\s*28", "\"width\" : 2048");
        assertThat(huge).contains("2048");
        assertThat(refused(config(huge)).getMessage()).contains(FILE + ": config.json: invalid model configuration: ",
                "is too large");
    }

    @Test
    void configurationsWhoseIntArithmeticOverflowsAreRefused() {
        // 32 decoder strides of 2 multiply to 2^32, 0 in int arithmetic (a decoded map of 0×0 was accepted once)
        String strides = "[" + "2, ".repeat(31) + "2]";
        String json = "{\"height\": 4, \"width\": 4, \"kernelSize\": 2, \"encoderFilters\": [2], "
                + "\"encoderStrides\": [2], \"decoderFilters\": " + strides.replace('2', '1') + ", \"decoderStrides\": "
                + strides + "}";
        assertThat(refused(config(json)).getMessage()).contains(FILE + ": config.json: ", "too large");
    }

    @Test
    void damagedManifestOrEntryNamesAreRefused() {
        byte[] manifest = "format=vae-nodes-model\nformatVersion=1\nfinalLoss=\\uZZZZ\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refused(ModelZips.replace(valid, VaeModelFile.MANIFEST, manifest)).getMessage())
                .contains("vae-model.properties is not a properties file");
        byte[] badName = valid.clone();
        byte[] name = VaeModelFile.MANIFEST.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(badName, name);
        badName[at] = (byte) 0xff; // not UTF-8
        badName[at + 1] = (byte) 0xfe;
        assertThat(refused(badName).getMessage()).contains("damaged or truncated model file");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static ModelFileException refused(byte[] file) {
        return refused(new ByteArrayInputStream(file));
    }

    private static ModelFileException refused(InputStream file) {
        Throwable t = catchThrowable(() -> VaeModelFile.read(file, FILE).close());
        assertThat(t).isInstanceOf(ModelFileException.class);
        assertThat(t.getMessage()).startsWith(FILE + ": ").doesNotContain("\n", "\r");
        return (ModelFileException) t;
    }

    /** The file is refused with {@code message} having read less than a megabyte of its compressed bytes. */
    private static void assertRefusedEarly(byte[] file, String message) {
        assertThat(file.length).isGreaterThan(2_000_000).isLessThan(16_000_000);
        CountingInput in = new CountingInput(new ByteArrayInputStream(file));
        assertThat(refused(in).getMessage()).contains(message);
        assertThat(in.count).as("compressed bytes read of " + file.length).isLessThan(1 << 20);
    }

    private static byte[] withOut(Consumer<Nd4jBytes> change) {
        return ModelZips.replace(valid, OUT_W, Nd4jBytes.of(OUT_SHAPE).with(change).build());
    }

    private static byte[] config(String json) {
        List<Entry> entries = ModelZips.entries(valid);
        return ModelZips.zip(List.of(entries.get(0), new Entry(VaeModelFile.CONFIG, json.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<Entry> plus(List<Entry> entries, Entry extra) {
        List<Entry> list = new ArrayList<>(entries);
        list.add(extra);
        return list;
    }

    private static float[] values(INDArray a) {
        return Nd4j.toFlattened('c', a).toFloatVector();
    }

    private static byte[] nd4jWrite(INDArray a) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Nd4j.write(a, new DataOutputStream(out));
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
