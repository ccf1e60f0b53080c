package org.vaenodes.knime.nodes.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.knime.KnimeFixtures;
import org.vaenodes.knime.nodes.learner.monitor.MonitorState;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;
import org.vaenodes.testing.SharedData;

/**
 * Screenshots for the closing note, written under target/screenshots/: the monitor view in the middle of a run on
 * real MNIST digits (rendered headless from the view's own component), after the stop button, and the snapshot
 * table drawn as a table view lays it out. Needs ../shared/data/mnist (skips with a message without it). The
 * screenshot is taken after {@code -Dvaenodes.screenshot.iterations} iterations (150: a few seconds; the closing
 * note's were taken after more) with {@code -Dvaenodes.screenshot.filters} filters per layer (8).
 */
class VaeLearnerScreenshotTest {

    static final Path DIR = Path.of("target", "screenshots");

    static final int AT = Integer.getInteger("vaenodes.screenshot.iterations", 150);

    static final int FILTERS = Integer.getInteger("vaenodes.screenshot.filters", 8);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void monitorMidRunStoppedAndSnapshotTable() throws Exception {
        IdxImages images = IdxReader.readImages(SharedData.mnistDir().resolve("t10k-images-idx3-ubyte.gz"))
            .subset(400);
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = KnimeFixtures.table(exec, images, 400);
        VaeLearnerNodeModel m = new VaeLearnerNodeModel();
        VaeLearnerSettings s = m.settings();
        String f = FILTERS + "," + FILTERS + "," + FILTERS;
        s.m_encoderFilters.setStringValue(f);
        s.m_decoderFilters.setStringValue(f);
        s.m_batchSize.setIntValue(16);
        s.m_iterations.setIntValue(Math.max(3000, 2 * AT));
        s.m_snapshotEvery.setIntValue(50);
        s.m_validationShare.setDoubleValue(0.1);
        s.m_threads.setIntValue(2);
        VaeLearnerNodeView view = (VaeLearnerNodeView)new VaeLearnerNodeFactory().createNodeView(0, m);
        StubNodes.openView(view);
        Files.createDirectories(DIR);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PortObject[]> run = pool.submit(() -> StubNodes.run(m, exec, in));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (m.monitor().state().iterationsDone() < AT && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            view.redraw();
            MonitorState mid = m.monitor().state();
            assertThat(mid.phase()).isEqualTo(MonitorState.Phase.TRAINING);
            assertThat(mid.snapshot()).isNotNull();
            assertThat(view.panel().statusText()).startsWith("Training · iteration ").contains("ETA");
            ImageIO.write(view.panel().toImage(1280, 760), "png", DIR.resolve("learner-monitor-mid-run.png").toFile());

            view.panel().stopButton().doClick();
            PortObject[] out = run.get(60, TimeUnit.SECONDS);
            int done = ((VaeModelPortObject)out[0]).getIterationsTrained();
            assertThat(done).isLessThan(Math.max(3000, 2 * AT));
            view.redraw();
            ImageIO.write(view.panel().toImage(1280, 760), "png", DIR.resolve("learner-monitor-stopped.png").toFile());
            List<DataRow> rows = StubContexts.rows((BufferedDataTable)out[2]);
            // every 50 iterations from the first, and one after the iteration it stopped at
            assertThat(rows.size()).isEqualTo((done - 1) / 50 + 1 + ((done - 1) % 50 == 0 ? 0 : 1));
            BufferedImage table = tableView(evenlySpaced(rows, 10));
            ImageIO.write(table, "png", DIR.resolve("learner-snapshot-table.png").toFile());
        } finally {
            pool.shutdownNow();
            view.callCloseView();
        }
    }

    /** At most {@code n} rows, the first and the last among them (a screenshot shows what fits a screen or two). */
    static List<DataRow> evenlySpaced(final List<DataRow> rows, final int n) {
        if (rows.size() <= n) {
            return rows;
        }
        List<DataRow> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(rows.get((int)Math.round(i * (rows.size() - 1) / (double)(n - 1))));
        }
        return r;
    }

    /** The snapshot table as a table view shows it: Row ID, the numbers, then the two pictures of each row. */
    static BufferedImage tableView(final List<DataRow> rows) throws java.io.IOException {
        List<BufferedImage[]> pics = new ArrayList<>();
        int recW = 0;
        int samW = 0;
        int rowH = 0;
        for (DataRow r : rows) {
            BufferedImage a = VaeLearnerTrainingControlTest.png(r, 3);
            BufferedImage b = VaeLearnerTrainingControlTest.png(r, 4);
            pics.add(new BufferedImage[]{a, b});
            recW = Math.max(recW, a.getWidth());
            samW = Math.max(samW, b.getWidth());
            rowH = Math.max(rowH, Math.max(a.getHeight(), b.getHeight()));
        }
        int[] widths = {130, 80, 110, 120, recW + 12, samW + 12};
        String[] header = {"Row ID", "iteration", "training_loss", "validation_loss", "inputs_and_reconstructions",
            "samples"};
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        int headH = 26;
        int h = headH + rows.size() * (rowH + 8);
        BufferedImage img = new BufferedImage(total, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, total, h);
        g.setColor(new Color(230, 230, 235));
        g.fillRect(0, 0, total, headH);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.setColor(Color.BLACK);
        int x = 0;
        for (int c = 0; c < header.length; c++) {
            g.drawString(header[c], x + 6, 17);
            x += widths[c];
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < rows.size(); i++) {
            DataRow r = rows.get(i);
            int y = headH + i * (rowH + 8);
            g.setColor(i % 2 == 0 ? Color.WHITE : new Color(245, 245, 250));
            g.fillRect(0, y, total, rowH + 8);
            g.setColor(Color.BLACK);
            String[] text = {r.getKey().getString(), Integer.toString(((IntValue)r.getCell(0)).getIntValue()),
                String.format(Locale.ROOT, "%.3f", ((DoubleValue)r.getCell(1)).getDoubleValue()),
                r.getCell(2).isMissing() ? "?" : String.format(Locale.ROOT, "%.3f",
                    ((DoubleValue)r.getCell(2)).getDoubleValue())};
            x = 0;
            for (int c = 0; c < text.length; c++) {
                g.drawString(text[c], x + 6, y + rowH / 2 + 8);
                x += widths[c];
            }
            g.drawImage(pics.get(i)[0], x + 6, y + 4, null);
            x += widths[4];
            g.drawImage(pics.get(i)[1], x + 6, y + 4, null);
            g.setColor(new Color(210, 210, 215));
            g.drawLine(0, y + rowH + 7, total, y + rowH + 7);
        }
        g.dispose();
        return img;
    }
}
