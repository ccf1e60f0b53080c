package org.vaenodes.knime.nodes.learner.monitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.vaenodes.engine.io.AtomicFiles;

/**
 * A finished run of the monitor in plain files, so that the view shows it again after the workflow is saved and
 * opened: {@code monitor.properties} (progress, phase, message, the snapshot's numbers), {@code curves.csv},
 * {@code validation.csv} and the latest snapshot's two PNGs. No Java serialization. Reading treats the files as
 * untrusted: bounded sizes and row counts, every number checked, one-line errors naming the file and line.
 */
public final class MonitorFiles {

    static final String PROPERTIES = "monitor.properties";

    static final String CURVES = "curves.csv";

    static final String VALIDATION = "validation.csv";

    static final String RECONSTRUCTIONS = "snapshot-reconstructions.png";

    static final String SAMPLES = "snapshot-samples.png";

    static final String FORMAT = "vaenodes-learner-monitor";

    static final int VERSION = 1;

    static final String CURVES_HEADER =
        "iteration,loss,reconstruction,kl,loss_smoothed,reconstruction_smoothed,kl_smoothed";

    static final String VALIDATION_HEADER = "iteration,validation_loss";

    /** Rows read at most per CSV (the monitor writes at most its capacity). */
    static final int MAX_ROWS = 100_000;

    static final long MAX_TEXT_BYTES = 16L << 20;

    static final long MAX_PNG_BYTES = 32L << 20;

    private MonitorFiles() {
    }

    /** Writes the state into {@code dir} (each file through a temporary file and an atomic move). */
    public static void save(final MonitorState state, final Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("phase", state.phase().name());
        p.setProperty("iterations_done", Integer.toString(state.iterationsDone()));
        p.setProperty("iterations", Integer.toString(state.iterations()));
        p.setProperty("images_per_second", num(state.imagesPerSecond()));
        p.setProperty("elapsed_seconds", num(state.elapsedSeconds()));
        if (state.message() != null) {
            p.setProperty("message", state.message());
        }
        SnapshotPictures s = state.snapshot();
        if (s != null) {
            p.setProperty("snapshot_iteration", Integer.toString(s.iteration()));
            p.setProperty("snapshot_training_loss", num(s.trainingLoss()));
            p.setProperty("snapshot_validation_loss", num(s.validationLoss()));
            AtomicFiles.write(dir.resolve(RECONSTRUCTIONS), out -> out.write(s.reconstructionsPng()));
            AtomicFiles.write(dir.resolve(SAMPLES), out -> out.write(s.samplesPng()));
        } else {
            Files.deleteIfExists(dir.resolve(RECONSTRUCTIONS));
            Files.deleteIfExists(dir.resolve(SAMPLES));
        }
        Curves c = state.curves();
        AtomicFiles.write(dir.resolve(CURVES), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(CURVES_HEADER + "\n");
            for (int i = 0; i < c.size(); i++) {
                w.write(c.iteration()[i] + "," + num(c.loss()[i]) + "," + num(c.reconstruction()[i]) + ","
                    + num(c.kl()[i]) + "," + num(c.lossSmoothed()[i]) + "," + num(c.reconstructionSmoothed()[i])
                    + "," + num(c.klSmoothed()[i]) + "\n");
            }
            w.flush();
        });
        AtomicFiles.write(dir.resolve(VALIDATION), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(VALIDATION_HEADER + "\n");
            for (int i = 0; i < state.validationIterations().length; i++) {
                w.write(state.validationIterations()[i] + "," + num(state.validationLoss()[i]) + "\n");
            }
            w.flush();
        });
        // the properties last: a folder without them (a save that broke off) reads as "nothing stored"
        AtomicFiles.write(dir.resolve(PROPERTIES), out -> p.store(out, "VAE Learner monitor"));
    }

    /** Whether {@code dir} holds a stored run. */
    public static boolean exists(final Path dir) {
        return Files.isRegularFile(dir.resolve(PROPERTIES), LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads what {@link #save} wrote. */
    public static MonitorState load(final Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new ByteArrayInputStream(read(dir.resolve(PROPERTIES), MAX_TEXT_BYTES))) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw bad(dir.resolve(PROPERTIES), "is not a properties file (" + e.getMessage() + ")");
        }
        Path props = dir.resolve(PROPERTIES);
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw bad(props, "is not a VAE Learner monitor file (format \"" + p.getProperty("format") + "\")");
        }
        int version = intProp(p, props, "version");
        if (version != VERSION) {
            throw bad(props, "has version " + version + "; this VAE Nodes version reads version " + VERSION
                + " (update VAE Nodes or re-execute the node)");
        }
        MonitorState.Phase phase;
        try {
            phase = MonitorState.Phase.valueOf(p.getProperty("phase", ""));
        } catch (IllegalArgumentException e) {
            throw bad(props, "has an unknown phase \"" + p.getProperty("phase") + "\"");
        }
        int done = intProp(p, props, "iterations_done");
        int iterations = intProp(p, props, "iterations");
        double ips = doubleProp(p, props, "images_per_second");
        double elapsed = doubleProp(p, props, "elapsed_seconds");
        SnapshotPictures snapshot = null;
        if (p.getProperty("snapshot_iteration") != null) {
            snapshot = new SnapshotPictures(intProp(p, props, "snapshot_iteration"),
                doubleProp(p, props, "snapshot_training_loss"), doubleProp(p, props, "snapshot_validation_loss"),
                png(dir.resolve(RECONSTRUCTIONS)), png(dir.resolve(SAMPLES)));
        }
        List<double[]> curveRows = csv(dir.resolve(CURVES), CURVES_HEADER);
        int n = curveRows.size();
        int[] it = new int[n];
        double[][] v = new double[CurveHistory.SERIES][n];
        for (int i = 0; i < n; i++) {
            it[i] = (int)curveRows.get(i)[0];
            if (i > 0 && it[i] <= it[i - 1]) {
                throw bad(dir.resolve(CURVES), "line " + (i + 2) + ": iteration " + it[i]
                    + " does not follow " + it[i - 1]);
            }
            for (int s = 0; s < CurveHistory.SERIES; s++) {
                v[s][i] = curveRows.get(i)[s + 1];
            }
        }
        List<double[]> valRows = csv(dir.resolve(VALIDATION), VALIDATION_HEADER);
        int[] valIt = new int[valRows.size()];
        double[] valLoss = new double[valRows.size()];
        for (int i = 0; i < valIt.length; i++) {
            valIt[i] = (int)valRows.get(i)[0];
            valLoss[i] = valRows.get(i)[1];
        }
        return new MonitorState(phase, done, iterations, ips, elapsed, Double.NaN,
            new Curves(it, v[0], v[1], v[2], v[3], v[4], v[5]), valIt, valLoss, snapshot, false,
            p.getProperty("message"));
    }

    private static String num(final double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    private static byte[] read(final Path file, final long max) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw bad(file, "is missing or not a regular file");
        }
        long size = Files.size(file);
        if (size > max) {
            throw bad(file, "has " + size + " bytes, more than the " + max + " a stored monitor has");
        }
        return Files.readAllBytes(file);
    }

    private static byte[] png(final Path file) throws IOException {
        byte[] b = read(file, MAX_PNG_BYTES);
        if (b.length < 8 || (b[0] & 0xFF) != 0x89 || b[1] != 'P' || b[2] != 'N' || b[3] != 'G') {
            throw bad(file, "is not a PNG image");
        }
        return b;
    }

    private static int intProp(final Properties p, final Path file, final String key) throws IOException {
        String v = p.getProperty(key);
        try {
            int i = Integer.parseInt(v == null ? "" : v.trim());
            if (i < 0) {
                throw bad(file, key + " is negative (" + i + ")");
            }
            return i;
        } catch (NumberFormatException e) {
            throw bad(file, key + " is " + (v == null ? "missing" : "not a whole number (\"" + v + "\")"));
        }
    }

    private static double doubleProp(final Properties p, final Path file, final String key) throws IOException {
        String v = p.getProperty(key);
        try {
            double d = Double.parseDouble(v == null ? "" : v.trim());
            if (Double.isInfinite(d)) {
                throw bad(file, key + " is infinite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(file, key + " is " + (v == null ? "missing" : "not a number (\"" + v + "\")"));
        }
    }

    /** Rows of a CSV whose first column is a non-negative iteration and whose other columns are numbers or NaN. */
    private static List<double[]> csv(final Path file, final String header) throws IOException {
        String text = new String(read(file, MAX_TEXT_BYTES), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(header)) {
            throw bad(file, "line 1 is not the header \"" + header + "\"");
        }
        int columns = header.split(",").length;
        List<double[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            if (lines[l].isEmpty() && l == lines.length - 1) {
                break;
            }
            if (rows.size() == MAX_ROWS) {
                throw bad(file, "has more than " + MAX_ROWS + " rows");
            }
            String[] cells = lines[l].split(",", -1);
            if (cells.length != columns) {
                throw bad(file, "line " + (l + 1) + " has " + cells.length + " values, not " + columns);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                try {
                    row[c] = c == 0 ? Integer.parseInt(cells[c]) : Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw bad(file, "line " + (l + 1) + ", column " + (c + 1) + ": \"" + cells[c]
                        + "\" is not a number");
                }
                if (c == 0 && row[c] < 0 || Double.isInfinite(row[c])) {
                    throw bad(file, "line " + (l + 1) + ", column " + (c + 1) + ": " + cells[c] + " is out of range");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static IOException bad(final Path file, final String what) {
        return new IOException(String.format(Locale.ROOT, "The stored Learner monitor %s %s.", file, what));
    }
}
