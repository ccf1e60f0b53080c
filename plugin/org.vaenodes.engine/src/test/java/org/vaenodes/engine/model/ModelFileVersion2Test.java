package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.ModelZips.Entry;

/** Format version 2's optimizer state: written, read back exactly, validated; version-1 files still load. */
class ModelFileVersion2Test {

    private static final String FILE = "m.zip";

    private static VaeModel read(byte[] zip) throws IOException {
        return VaeModelFile.read(new ByteArrayInputStream(zip), FILE);
    }

    private static byte[] manifest(Properties p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, null);
        return out.toByteArray();
    }

    private static Properties manifestOf(byte[] zip) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(ModelZips.data(zip, VaeModelFile.MANIFEST)));
        return p;
    }

    private static byte[] floats(float[] values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (INDArray a = Nd4j.create(values, new long[] {values.length}, DataType.FLOAT)) {
            Nd4j.write(a, new java.io.DataOutputStream(out));
        }
        return out.toByteArray();
    }

    @Test
    void theOptimizerStateRoundTripsExactlyAfterTheWeights() throws Exception {
        VaeConfig c = ModelZips.tinyConfig();
        try (VaeModel m = ModelZips.modelWithOptimizerState(c)) {
            byte[] zip = ModelZips.write(m);
            List<String> names = ModelZips.names(ModelZips.entries(zip));
            assertThat(names.subList(names.size() - 2, names.size()))
                    .containsExactly(VaeModelFile.FIRST_MOMENTS, VaeModelFile.SECOND_MOMENTS);
            Properties p = manifestOf(zip);
            assertThat(p.getProperty("formatVersion")).isEqualTo("2");
            assertThat(p.getProperty(VaeModelFile.OPTIMIZER)).isEqualTo("adam");
            assertThat(p.getProperty(VaeModelFile.OPTIMIZER_ITERATION)).isEqualTo("7");
            try (VaeModel back = read(zip)) {
                assertThat(back.optimizerState().adamIteration()).isEqualTo(7);
                assertThat(back.optimizerState().firstMoments()).containsExactly(m.optimizerState().firstMoments());
                assertThat(back.optimizerState().secondMoments()).containsExactly(m.optimizerState().secondMoments());
            }
        }
    }

    @Test
    void aVersionOneFileLoadsWithoutOptimizerState() throws Exception {
        VaeConfig c = ModelZips.tinyConfig();
        try (VaeModel m = ModelZips.model(c)) {
            byte[] zip = ModelZips.write(m);
            assertThat(manifestOf(zip).getProperty(VaeModelFile.OPTIMIZER)).isNull();
            Properties p = manifestOf(zip);
            p.setProperty("formatVersion", "1");
            byte[] v1 = ModelZips.replace(zip, VaeModelFile.MANIFEST, manifest(p));
            try (VaeModel back = read(v1)) {
                assertThat(back.optimizerState()).isNull();
                assertThat(back.iterationsTrained()).isEqualTo(7);
                float[] image = new float[c.pixels()];
                assertThat(back.reconstruct(image, 1)).containsExactly(m.reconstruct(image, 1));
            }
            // a version-1 file cannot announce optimizer state
            p.setProperty(VaeModelFile.OPTIMIZER, "adam");
            assertThatThrownBy(() -> read(ModelZips.replace(zip, VaeModelFile.MANIFEST, manifest(p))))
                    .isInstanceOf(ModelFileException.class).hasMessageStartingWith(FILE + ": ")
                    .hasMessageContaining("format version 1 does not hold");
        }
    }

    @Test
    void badMomentsAndBadOptimizerEntriesAreRefusedInOneLine() throws Exception {
        VaeConfig c = ModelZips.tinyConfig();
        try (VaeModel m = ModelZips.modelWithOptimizerState(c)) {
            byte[] zip = ModelZips.write(m);
            int n = m.optimizerState().firstMoments().length;

            float[] negative = m.optimizerState().secondMoments().clone();
            negative[3] = -1e-3f;
            refused(ModelZips.replace(zip, VaeModelFile.SECOND_MOMENTS, floats(negative)),
                    "optimizer/adam-v.nd4j", "second moments");
            float[] nan = m.optimizerState().firstMoments().clone();
            nan[0] = Float.NaN;
            refused(ModelZips.replace(zip, VaeModelFile.FIRST_MOMENTS, floats(nan)), "adam-m.nd4j", "finite");
            refused(ModelZips.replace(zip, VaeModelFile.FIRST_MOMENTS, floats(new float[n + 1])), "adam-m.nd4j",
                    "shape");

            List<Entry> entries = ModelZips.entries(zip);
            List<Entry> withoutV = new ArrayList<>(entries.subList(0, entries.size() - 1));
            refused(ModelZips.zip(withoutV), "no entry optimizer/adam-v.nd4j", "announces");
            List<Entry> swapped = new ArrayList<>(entries);
            swapped.set(entries.size() - 2, entries.get(entries.size() - 1));
            swapped.set(entries.size() - 1, entries.get(entries.size() - 2));
            refused(ModelZips.zip(swapped), "out of order");
            List<Entry> early = new ArrayList<>(entries);
            early.add(2, early.remove(entries.size() - 2));
            refused(ModelZips.zip(early), "out of order");

            Properties p = manifestOf(zip);
            p.setProperty(VaeModelFile.OPTIMIZER_ITERATION, "-4");
            refused(ModelZips.replace(zip, VaeModelFile.MANIFEST, manifest(p)), "optimizer.iteration");
            p = manifestOf(zip);
            p.setProperty(VaeModelFile.OPTIMIZER_LAYOUT, "something-else");
            refused(ModelZips.replace(zip, VaeModelFile.MANIFEST, manifest(p)), "optimizer.layout", "something-else");
            p = manifestOf(zip);
            p.remove(VaeModelFile.OPTIMIZER);
            refused(ModelZips.replace(zip, VaeModelFile.MANIFEST, manifest(p)), "names no optimizer");
            p.remove(VaeModelFile.OPTIMIZER_ITERATION);
            p.remove(VaeModelFile.OPTIMIZER_LAYOUT);
            p.remove(VaeModelFile.RANDOM_STREAMS);
            refused(ModelZips.replace(zip, VaeModelFile.MANIFEST, manifest(p)), "does not announce");
        }
    }

    private static void refused(byte[] zip, String... parts) {
        assertThatThrownBy(() -> read(zip).close()).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(FILE + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(parts));
    }
}
