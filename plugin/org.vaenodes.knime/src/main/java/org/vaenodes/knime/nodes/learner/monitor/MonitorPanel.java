package org.vaenodes.knime.nodes.learner.monitor;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Swing rendering of a {@link MonitorState}: progress line, three charts over the iterations (loss with the
 * validation loss, reconstruction, KL; raw in a light colour, smoothed in a dark one), the latest snapshot's
 * pictures, and the stop button. It only draws what {@link #display} gives it; who polls the model and how often is
 * the view's business. Call on the event dispatch thread (or, headless, on one thread).
 */
public final class MonitorPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    /** Label of the stop button. */
    public static final String STOP_LABEL = "Stop training, keep the model";

    private static final Color RAW = new Color(120, 160, 215);

    private static final Color SMOOTH = new Color(20, 60, 140);

    private static final Color VALIDATION = new Color(215, 90, 20);

    private static final int PICTURE_WIDTH = 340;

    /** Points drawn per curve at most: more than the chart has pixels across only costs drawing time. */
    static final int MAX_DRAWN = 600;

    private final JLabel m_status = new JLabel(" ");

    private final JProgressBar m_progress = new JProgressBar(0, 1000);

    private final XYSeries[] m_raw = new XYSeries[3];

    private final XYSeries[] m_smooth = new XYSeries[3];

    private final XYSeries m_validation = new XYSeries("validation loss", false, true);

    private final ChartPanel m_chart;

    private final JLabel m_snapshotTitle = new JLabel("No snapshot yet");

    private final JLabel m_snapshotLosses = new JLabel(" ");

    private final PictureBox m_reconstructions = new PictureBox();

    private final PictureBox m_samples = new PictureBox();

    private final JButton m_stop = new JButton(STOP_LABEL);

    private final JLabel m_message = new JLabel(" ");

    private SnapshotPictures m_shownSnapshot;

    /** @param onStop what the stop button does (ask the training to stop and keep the model) */
    public MonitorPanel(final Runnable onStop) {
        super(new BorderLayout(8, 8));
        setBackground(Color.WHITE);
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));

        JPanel top = new JPanel(new BorderLayout(8, 4));
        top.setOpaque(false);
        m_status.setFont(m_status.getFont().deriveFont(Font.BOLD, 13f));
        top.add(m_status, BorderLayout.NORTH);
        m_progress.setStringPainted(true);
        top.add(m_progress, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);

        String[] names = {"loss", "reconstruction", "KL"};
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("iteration"));
        plot.setGap(8);
        for (int s = 0; s < 3; s++) {
            m_raw[s] = new XYSeries(names[s], false, true);
            m_smooth[s] = new XYSeries(names[s] + " (smoothed)", false, true);
            XYSeriesCollection data = new XYSeriesCollection();
            data.addSeries(m_raw[s]);
            data.addSeries(m_smooth[s]);
            if (s == 0) {
                data.addSeries(m_validation);
            }
            NumberAxis y = new NumberAxis(names[s]);
            y.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            // one path per series instead of a line per segment: several times faster with antialiasing
            r.setDrawSeriesLineAsPath(true);
            r.setSeriesPaint(0, RAW);
            r.setSeriesStroke(0, new BasicStroke(1f));
            r.setSeriesPaint(1, SMOOTH);
            r.setSeriesStroke(1, new BasicStroke(2f));
            if (s == 0) {
                r.setSeriesPaint(2, VALIDATION);
                r.setSeriesStroke(2, new BasicStroke(2f));
                r.setSeriesShapesVisible(2, true);
            }
            XYPlot sub = new XYPlot(data, null, y, r);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
            sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.add(sub, s == 0 ? 2 : 1);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        m_chart = new ChartPanel(chart, 640, 480, 200, 200, 4000, 4000, true, true, false, true, true, true);
        m_chart.setMouseWheelEnabled(true);
        add(m_chart, BorderLayout.CENTER);

        JPanel pictures = new JPanel();
        pictures.setOpaque(false);
        pictures.setLayout(new BoxLayout(pictures, BoxLayout.Y_AXIS));
        pictures.setPreferredSize(new Dimension(PICTURE_WIDTH + 16, 400));
        m_snapshotTitle.setFont(m_snapshotTitle.getFont().deriveFont(Font.BOLD));
        pictures.add(left(m_snapshotTitle));
        pictures.add(left(m_snapshotLosses));
        pictures.add(Box.createVerticalStrut(6));
        pictures.add(left(new JLabel("Inputs (upper rows) and their reconstructions")));
        pictures.add(left(m_reconstructions));
        pictures.add(Box.createVerticalStrut(10));
        pictures.add(left(new JLabel("Decoded from fixed z ~ N(0, I)")));
        pictures.add(left(m_samples));
        pictures.add(Box.createVerticalGlue());
        add(pictures, BorderLayout.EAST);

        JPanel bottom = new JPanel(new BorderLayout(8, 0));
        bottom.setOpaque(false);
        m_stop.setEnabled(false);
        m_stop.setToolTipText("The node finishes with the model trained so far; KNIME's cancel discards it.");
        m_stop.addActionListener(e -> {
            m_stop.setEnabled(false);
            onStop.run();
        });
        bottom.add(m_message, BorderLayout.CENTER);
        bottom.add(m_stop, BorderLayout.EAST);
        add(bottom, BorderLayout.SOUTH);
        display(new TrainingMonitor().state());
    }

    private static JComponent left(final JComponent c) {
        c.setAlignmentX(Component.LEFT_ALIGNMENT);
        return c;
    }

    /** Draws {@code state}. */
    public void display(final MonitorState state) {
        m_status.setText(statusLine(state));
        m_progress.setValue((int)Math.round(state.fractionDone() * 1000));
        m_progress.setString(String.format(Locale.ROOT, "%.1f %%", state.fractionDone() * 100));
        Curves c = state.curves();
        for (int s = 0; s < 3; s++) {
            m_raw[s].setNotify(false);
            m_smooth[s].setNotify(false);
            m_raw[s].clear();
            m_smooth[s].clear();
        }
        double[][] raw = {c.loss(), c.reconstruction(), c.kl()};
        double[][] smooth = {c.lossSmoothed(), c.reconstructionSmoothed(), c.klSmoothed()};
        int n = c.size();
        int step = Math.max(1, (n + MAX_DRAWN - 1) / MAX_DRAWN);
        for (int i = 0; i < n; i += step) {
            addPoint(c, raw, smooth, i);
        }
        if (n > 0 && (n - 1) % step != 0) {
            addPoint(c, raw, smooth, n - 1);
        }
        m_validation.setNotify(false);
        m_validation.clear();
        for (int i = 0; i < state.validationIterations().length; i++) {
            m_validation.add(state.validationIterations()[i], state.validationLoss()[i], false);
        }
        for (int s = 0; s < 3; s++) {
            m_raw[s].setNotify(true);
            m_smooth[s].setNotify(true);
        }
        m_validation.setNotify(true);
        showSnapshot(state.snapshot());
        boolean running = state.phase() == MonitorState.Phase.TRAINING;
        m_stop.setEnabled(running && !state.stopRequested());
        m_stop.setText(running && state.stopRequested() ? "Stopping after this iteration…" : STOP_LABEL);
        m_message.setText(state.message() == null ? " " : state.message());
    }

    private void addPoint(final Curves c, final double[][] raw, final double[][] smooth, final int i) {
        // iterations counted from 1 as in the progress line and the statistics table
        int x = c.iteration()[i] + 1;
        for (int s = 0; s < 3; s++) {
            m_raw[s].add(x, raw[s][i], false);
            m_smooth[s].add(x, smooth[s][i], false);
        }
    }

    private void showSnapshot(final SnapshotPictures s) {
        if (s == m_shownSnapshot) {
            return;
        }
        m_shownSnapshot = s;
        if (s == null) {
            m_snapshotTitle.setText("No snapshot yet");
            m_snapshotLosses.setText(" ");
            m_reconstructions.setImage(null);
            m_samples.setImage(null);
            return;
        }
        m_snapshotTitle.setText(String.format(Locale.ROOT, "Snapshot at iteration %,d", s.iteration()));
        m_snapshotLosses.setText(String.format(Locale.ROOT, "training loss %.4f%s", s.trainingLoss(),
            s.hasValidation() ? String.format(Locale.ROOT, " · validation loss %.4f", s.validationLoss()) : ""));
        m_reconstructions.setImage(decode(s.reconstructionsPng()));
        m_samples.setImage(decode(s.samplesPng()));
    }

    private static BufferedImage decode(final byte[] png) {
        try {
            return png == null ? null : ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            return null;
        }
    }

    /** "Training · iteration 1,234 / 30,000 · 812 images/s · elapsed 1:02 · ETA 38:10". */
    static String statusLine(final MonitorState s) {
        String phase = switch (s.phase()) {
            case IDLE -> "Not trained yet";
            case TRAINING -> s.stopRequested() ? "Stopping" : "Training";
            case FINISHED -> "Finished";
            case FAILED -> "Ended without a model";
        };
        if (s.phase() == MonitorState.Phase.IDLE) {
            return phase;
        }
        StringBuilder b = new StringBuilder(phase);
        b.append(String.format(Locale.ROOT, " · iteration %,d / %,d", s.iterationsDone(), s.iterations()));
        if (!Double.isNaN(s.imagesPerSecond())) {
            b.append(String.format(Locale.ROOT, " · %,.0f images/s", s.imagesPerSecond()));
        }
        b.append(" · elapsed ").append(clock(s.elapsedSeconds()));
        if (s.phase() == MonitorState.Phase.TRAINING && !Double.isNaN(s.etaSeconds())) {
            b.append(" · ETA ").append(clock(s.etaSeconds()));
        }
        return b.toString();
    }

    /** m:ss or h:mm:ss. */
    static String clock(final double seconds) {
        long t = Math.max(0, Math.round(seconds));
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
            : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    private volatile long m_lastPaintNanos;

    /** Paints and remembers how long it took (the view spaces its redraws by it). */
    @Override
    public void paint(final Graphics g) {
        long t0 = System.nanoTime();
        super.paint(g);
        m_lastPaintNanos = System.nanoTime() - t0;
    }

    /** How long the last paint took, in nanoseconds (0 before the first). */
    public long lastPaintNanos() {
        return m_lastPaintNanos;
    }

    /** The stop button (for tests and for views that place it elsewhere). */
    public JButton stopButton() {
        return m_stop;
    }

    /** The progress line as shown. */
    public String statusText() {
        return m_status.getText();
    }

    /**
     * Paints the panel into an image of the given size without a screen (also with {@code java.awt.headless}),
     * for tests and screenshots.
     */
    public BufferedImage toImage(final int width, final int height) {
        setSize(width, height);
        layoutTree(this);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            printAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void layoutTree(final Container c) {
        c.doLayout();
        for (Component child : c.getComponents()) {
            if (child instanceof Container) {
                layoutTree((Container)child);
            }
        }
    }

    /** A picture scaled to the panel's width with whole pixels kept sharp. */
    private static final class PictureBox extends JComponent {

        private static final long serialVersionUID = 1L;

        private transient BufferedImage m_image;

        void setImage(final BufferedImage image) {
            m_image = image;
            int h = image == null ? 40 : (int)Math.round(image.getHeight() * scale(image));
            Dimension d = new Dimension(PICTURE_WIDTH, h);
            setPreferredSize(d);
            setMaximumSize(d);
            setMinimumSize(d);
            revalidate();
            repaint();
        }

        private static double scale(final BufferedImage image) {
            return Math.min(4, PICTURE_WIDTH / (double)image.getWidth());
        }

        @Override
        protected void paintComponent(final Graphics g) {
            if (m_image == null) {
                g.setColor(Color.GRAY);
                g.drawString("—", 4, 20);
                return;
            }
            double s = scale(m_image);
            Graphics2D g2 = (Graphics2D)g;
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g2.drawImage(m_image, 0, 0, (int)Math.round(m_image.getWidth() * s),
                (int)Math.round(m_image.getHeight() * s), null);
        }
    }
}
