package org.vaenodes.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.testing.SharedData;

class BuiltinMnistTest {

    @Test
    void loadsTheBuiltInTestSetFromTheClassPath() throws IOException {
        IdxDataset ds = BuiltinMnist.load();
        assertThat(ds.size()).isEqualTo(10_000);
        assertThat(ds.hasLabels()).isTrue();
        assertThat(ds.labels().count()).isEqualTo(10_000);
        assertThat(ds.images().height()).isEqualTo(28);
        assertThat(ds.images().width()).isEqualTo(28);
        assertThat(java.util.Arrays.stream(ds.labels().toArray()).allMatch(l -> l >= 0 && l <= 9)).isTrue();
        assertThat(java.util.Arrays.stream(ds.labels().toArray()).distinct().count()).isEqualTo(10);
        assertThat(BuiltinMnist.load()).isSameAs(ds);
        ImageDataset asDataset = ds.images();
        assertThat(asDataset.pixelsPerImage()).isEqualTo(784);
    }

    @Test
    void matchesTheSharedCopyOfTheTestSet() throws IOException {
        Path mnist = SharedData.mnistDir();
        IdxImages shared = IdxReader.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"));
        IdxDataset builtin = BuiltinMnist.load();
        assertThat(builtin.images().count()).isEqualTo(shared.count());
        assertThat(builtin.images().rawImageBytes(0)).isEqualTo(shared.rawImageBytes(0));
        assertThat(builtin.images().rawImageBytes(9_999)).isEqualTo(shared.rawImageBytes(9_999));
        assertThat(builtin.labels()).isEqualTo(IdxReader.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz")));
    }
}
