package org.vaenodes.knime.nodes.learner.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaenodes.engine.image.PngImages;

class MonitorPanelTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static byte[] picture(final int rows, final int shade) throws java.io.IOException {
        float[][] images = new float[rows * 8][];
        for (int i = 0; i < images.length; i++) {
            images[i] = new float[64];
            for (int p = 0; p < 64; p++) {
                images[i][p] = (p + i * shade) % 64 / 63f;
            }
        }
        return PngImages.toPngBytes(PngImages.grid(images, 8, 8, 8, 2));
    }

    @Test
    void rendersProgressCurvesAndSnapshotIntoAnImage() throws Exception {
        TrainingMonitor m = new TrainingMonitor();
        m.start(30_000);
        for (int i = 0; i < 1234; i++) {
            double l = 60 * Math.exp(-i / 300.0) + 25 + 3 * Math.sin(i);
            m.iteration(i, l, l - 8, 8, 812, i * 0.1, (30_000 - i) * 0.1);
        }
        m.snapshot(new SnapshotPictures(1000, 31.5, 33.25, picture(4, 3), picture(2, 5)));
        AtomicInteger stops = new AtomicInteger();
        MonitorPanel p = new MonitorPanel(stops::incrementAndGet);
        p.display(m.state());
        assertThat(p.statusText()).isEqualTo(
            "Training · iteration 1,234 / 30,000 · 812 images/s · elapsed 2:03 · ETA 47:57");
        assertThat(p.stopButton().isEnabled()).isTrue();
        BufferedImage img = p.toImage(1200, 720);
        // the chart area draws the curves in the smoothed colour somewhere, the snapshot is painted (not blank)
        assertThat(countColour(img, 20, 60, 140)).isGreaterThan(200);
        assertThat(distinctGreys(img, 1200 - 360, 1200, 60, 700)).isGreaterThan(10);

        p.stopButton().doClick();
        assertThat(stops.get()).isEqualTo(1);
        assertThat(p.stopButton().isEnabled()).isFalse();
    }

    @Test
    void finishedRunHasNoEtaAndNoStop() {
        TrainingMonitor m = new TrainingMonitor();
        m.start(10);
        m.iteration(0, 3, 2, 1, 100, 65, 5);
        m.finish(MonitorState.Phase.FINISHED, "Training completed 1 iterations.");
        MonitorPanel p = new MonitorPanel(() -> { });
        p.display(m.state());
        assertThat(p.statusText()).isEqualTo("Finished · iteration 1 / 10 · 100 images/s · elapsed 1:05");
        assertThat(p.stopButton().isEnabled()).isFalse();
        assertThat(MonitorPanel.clock(3725)).isEqualTo("1:02:05");
    }

    static int countColour(final BufferedImage img, final int r, final int g, final int b) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (Math.abs((c >> 16 & 255) - r) < 12 && Math.abs((c >> 8 & 255) - g) < 12
                    && Math.abs((c & 255) - b) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    static int distinctGreys(final BufferedImage img, final int x0, final int x1, final int y0, final int y1) {
        java.util.Set<Integer> greys = new java.util.HashSet<>();
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                int c = img.getRGB(x, y);
                int r = c >> 16 & 255;
                if (r == (c >> 8 & 255) && r == (c & 255)) {
                    greys.add(r);
                }
            }
        }
        return greys.size();
    }
}
