package org.vaenodes.engine.idx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.vaenodes.testing.SharedData;

/** The real MNIST test set from ../shared/data/mnist (skipped where that folder is absent). */
class IdxRealMnistTest {

    @Test
    void readsTheRealMnistTestSet() throws IOException {
        Path mnist = SharedData.mnistDir();
        IdxDataset ds = IdxReader.readDataset(mnist.resolve("t10k-images-idx3-ubyte.gz"),
                mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        IdxImages images = ds.images();
        IdxLabels labels = ds.labels();

        assertThat(images.count()).isEqualTo(10_000);
        assertThat(images.size()).isEqualTo(10_000);
        assertThat(images.height()).isEqualTo(28);
        assertThat(images.width()).isEqualTo(28);
        assertThat(labels.count()).isEqualTo(10_000);

        int[] perDigit = new int[10];
        for (int label : labels.toArray()) {
            assertThat(label).isBetween(0, 9);
            perDigit[label]++;
        }
        for (int d = 0; d < 10; d++) {
            assertThat(perDigit[d]).as("images of digit %d", d).isGreaterThan(800);
        }
        // Well-known first labels of the MNIST test set.
        assertThat(new int[] {labels.label(0), labels.label(1), labels.label(2)}).containsExactly(7, 2, 1);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float[] buf = new float[28 * 28];
        for (int i = 0; i < images.size(); i++) {
            images.copyImage(i, buf, 0);
            for (float v : buf) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1.0f);
        // MNIST digits are centred: the corners are background.
        assertThat(images.rawPixel(0, 0, 0)).isZero();
        assertThat(images.rawPixel(0, 27, 27)).isZero();
    }
}
