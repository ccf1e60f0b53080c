package org.vaenodes.knime.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortUtil;
import org.vaenodes.engine.model.ModelZips;
import org.vaenodes.engine.model.ModelZips.Entry;
import org.vaenodes.engine.model.Nd4jBytes;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.knime.KnimeFixtures;

/**
 * A workflow whose saved VAE model was damaged or crafted must give the node a one-line IOException when KNIME
 * loads the port object, never a crash or an Error; the model entry is validated while it streams in.
 */
class HostileVaeModelPortObjectTest {

    private static final String CLASS_ENTRY = "portobject_class"; // what the serializer base writes first

    private static VaeModelPortObject good;
    private static byte[] modelFile;

    @BeforeAll
    static void model() throws IOException {
        good = KnimeFixtures.tinyModel();
        try (VaeModel m = good.openModel()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VaeModelFile.write(m, out);
            modelFile = out.toByteArray();
        }
    }

    @Test
    void theUntouchedModelLoadsAndKeepsItsFileBytes() throws Exception {
        VaeModelPortObject back = load(portObject(List.of(new Entry(VaeModelPortObject.MODEL_ENTRY, modelFile))));
        assertThat(back.getModelFileSize()).isEqualTo(modelFile.length);
        assertThat(back.getSpec().getConfig()).isEqualTo(good.getSpec().getConfig());
        assertThat(back.getSummary()).isEqualTo(good.getSummary());
    }

    @Test
    void damagedModelGivesAOneLineNodeError() {
        byte[] truncated = Arrays.copyOf(modelFile, modelFile.length / 2);
        assertThat(refused(portObject(List.of(new Entry(VaeModelPortObject.MODEL_ENTRY, truncated)))))
                .contains("vae-model.zip: ");
    }

    @Test
    void craftedWeightsAreRefusedBeforeNativeMemory() {
        byte[] crafted = ModelZips.replace(modelFile, "weights/dec_out_W.nd4j", Nd4jBytes.of(64, 64).with(b -> {
            b.dataLength = 2_000_000_000L;
            b.valueCount = 0;
        }).build());
        assertThat(refused(portObject(List.of(new Entry(VaeModelPortObject.MODEL_ENTRY, crafted)))))
                .contains("entry weights/dec_out_W.nd4j declares 2000000000 values");
        byte[] nan = ModelZips.replace(modelFile, "weights/mean_b.nd4j",
                Nd4jBytes.of(2).with(b -> b.values[1] = Double.NaN).build());
        assertThat(refused(portObject(List.of(new Entry(VaeModelPortObject.MODEL_ENTRY, nan)))))
                .contains("entry weights/mean_b.nd4j holds NaN at value 1");
    }

    @Test
    void modelEntryThatInflatesToGigabytesIsRefusedAfterReadingLittle() {
        byte[] bomb = ModelZips.withInflatingEntry(List.of(classEntry()), VaeModelPortObject.MODEL_ENTRY, modelFile,
                (byte) 0, 5L << 29);
        assertThat(bomb.length).isLessThan(8_000_000);
        CountingInput in = new CountingInput(new ByteArrayInputStream(bomb));
        assertThat(refused(in)).contains("larger than its configuration allows");
        assertThat(in.count).isLessThan(1 << 20);
    }

    @Test
    void unknownOrMissingEntriesAreRefusedWithoutInflatingThem() {
        byte[] bomb = ModelZips.withInflatingEntry(List.of(classEntry()), "junk.bin", new byte[0], (byte) 0, 5L << 29);
        CountingInput in = new CountingInput(new ByteArrayInputStream(bomb));
        assertThat(refused(in)).contains("unexpected entry larger than 64 KiB");
        assertThat(in.count).isLessThan(1 << 20);
        assertThat(refused(portObject(List.of()))).contains("has no vae-model.zip entry");
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new Entry("note" + i, new byte[1]));
        }
        many.add(new Entry(VaeModelPortObject.MODEL_ENTRY, modelFile));
        assertThat(refused(portObject(many))).contains("has no vae-model.zip entry");
    }

    @Test
    void damagedModelThroughTheWorkflowPortReaderGivesTheSameError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortUtil.writeObjectToStream(good, bytes, new ExecutionMonitor());
        byte[] saved = bytes.toByteArray();
        byte[] inner = ModelZips.data(saved, "object.zip");
        byte[] damagedInner = ModelZips.replace(inner, VaeModelPortObject.MODEL_ENTRY,
                Arrays.copyOf(modelFile, modelFile.length * 3 / 4));
        byte[] damaged = ModelZips.replace(saved, "object.zip", damagedInner);
        Throwable t = catchThrowable(() -> PortUtil.readObjectFromStream(new ByteArrayInputStream(damaged),
                new ExecutionMonitor()));
        assertThat(t).isExactlyInstanceOf(IOException.class);
        assertThat(t.getMessage()).startsWith("Cannot load the VAE model saved in the workflow: vae-model.zip: ")
                .endsWith("Reset and re-execute the VAE Learner.").doesNotContain("\n");
    }

    private static Entry classEntry() {
        return new Entry(CLASS_ENTRY, VaeModelPortObject.class.getName().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] portObject(final List<Entry> entries) {
        List<Entry> all = new ArrayList<>();
        all.add(classEntry());
        all.addAll(entries);
        return ModelZips.zip(all);
    }

    private static VaeModelPortObject load(final byte[] bytes) throws Exception {
        return load(new ByteArrayInputStream(bytes));
    }

    private static VaeModelPortObject load(final InputStream bytes) throws Exception {
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(bytes)) {
            return new VaeModelPortObject.Serializer().loadPortObject(in, good.getSpec(), new ExecutionMonitor());
        }
    }

    /** The node's error: an IOException of one line that says what to do. */
    private static String refused(final byte[] bytes) {
        return refused(new ByteArrayInputStream(bytes));
    }

    private static String refused(final InputStream bytes) {
        Throwable t = catchThrowable(() -> load(bytes));
        assertThat(t).isExactlyInstanceOf(IOException.class);
        assertThat(t.getMessage()).startsWith("Cannot load the VAE model saved in the workflow: ")
                .endsWith("Reset and re-execute the VAE Learner.").doesNotContain("\n", "\r");
        return t.getMessage();
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(final InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
