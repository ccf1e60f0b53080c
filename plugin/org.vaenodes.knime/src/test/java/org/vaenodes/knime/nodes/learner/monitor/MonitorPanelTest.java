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

    @Test
    void aRedrawOfAFullHistoryTakesAFractionOfTheRedrawInterval() throws Exception {
        TrainingMonitor m = new TrainingMonitor();
        m.start(30_000);
        for (int i = 0; i < 30_000; i++) {
            m.iteration(i, 30 + 10 * Math.sin(i / 50.0), 25, 5, 800, i * 0.1, 1);
        }
        m.snapshot(new SnapshotPictures(30_000, 31.5, Double.NaN, picture(4, 3), picture(2, 5)));
        MonitorPanel p = new MonitorPanel(() -> { });
        MonitorState s = m.state();
        assertThat(s.curves().size()).isBetween(TrainingMonitor.DEFAULT_CAPACITY / 2, TrainingMonitor.DEFAULT_CAPACITY + 1);
        for (int i = 0; i < 5; i++) {
            // warm-up: the first drawings also compile JFreeChart's drawing code
            p.display(m.state());
            p.toImage(1200, 720);
        }
        int n = 10;
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = bean.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            p.display(m.state());
            p.toImage(1200, 720);
        }
        double cpuMs = (bean.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
        double wallMs = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf(java.util.Locale.ROOT, "[MonitorPanelTest] state copy + redraw of %d kept points (%d drawn per "
            + "curve) at 1200×720: %.1f ms CPU, %.1f ms wall; last paint %.1f ms%n", s.curves().size(),
            MonitorPanel.MAX_DRAWN, cpuMs, wallMs, p.lastPaintNanos() / 1e6);
        // CPU time, not wall time: the machine may be busy with other work. The view redraws at most 4 times a
        // second and spaces redraws so that drawing takes at most a tenth of the time (VaeLearnerNodeView)
        assertThat(cpuMs).isLessThan(200);
        assertThat(p.lastPaintNanos()).isPositive();
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
