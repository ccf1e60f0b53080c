package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.VaeTrainer;
import org.vaenodes.testing.TinyData;

class VaeModelFileTest {

    private static VaeModel model;
    private static final IdxImages SQUARES = TinyData.squares(40, 8, 8, 5);

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        model = new VaeTrainer(TinyData.tinyConfig().iterations(10).build()).train(SQUARES, TrainingListener.NONE, () -> false).model();
    }

    @Test
    void saveAndLoadGiveIdenticalReconstructions() throws Exception {
        Path file = dir.resolve("model.zip");
        VaeModelFile.save(model, file);
        assertThat(Files.list(dir)).containsExactly(file); // no temp file left behind
        float[] x = new float[10 * 64];
        for (int i = 0; i < 10; i++) {
            SQUARES.copyImage(i, x, i * 64);
        }
        try (VaeModel loaded = VaeModelFile.load(file)) {
            assertThat(loaded.config()).isEqualTo(model.config());
            assertThat(loaded.iterationsTrained()).isEqualTo(10);
            assertThat(loaded.finalLoss()).isEqualTo(model.finalLoss());
            assertThat(loaded.reconstruct(x, 10)).containsExactly(model.reconstruct(x, 10));
            assertThat(loaded.sample(5, 9)).containsExactly(model.sample(5, 9));
        }
    }

    @Test
    void corruptFileIsRejectedNamingIt() throws Exception {
        Path file = dir.resolve("broken.zip");
        VaeModelFile.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> VaeModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("broken.zip");
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> VaeModelFile.load(text)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("notes.zip").hasMessageContaining("not a VAE model file");
        assertThatThrownBy(() -> VaeModelFile.load(dir.resolve("missing.zip"))).hasMessageContaining("missing.zip");
    }

    @Test
    void anotherFormatVersionIsRejectedWithAClearMessage() throws Exception {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        VaeModelFile.write(model, good);
        Path file = dir.resolve("future.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(VaeModelFile.MANIFEST));
            zip.write("format=vae-nodes-model\nformatVersion=99\n".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(VaeModelFile.CONFIG));
            zip.write(model.config().toJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> VaeModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("future.zip").hasMessageContaining("format version 99")
                .hasMessageContaining("reads versions 1 to 2");
    }

    @Test
    void failedSaveLeavesTheOldFileUntouched() throws Exception {
        Path file = dir.resolve("keep.zip");
        Files.writeString(file, "old");
        VaeModel closed = new VaeTrainer(TinyData.tinyConfig().iterations(1).build()).train(SQUARES, TrainingListener.NONE, () -> false).model();
        closed.close(); // its weights are gone: writing them fails
        assertThatThrownBy(() -> VaeModelFile.save(closed, file)).isInstanceOf(Exception.class);
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
