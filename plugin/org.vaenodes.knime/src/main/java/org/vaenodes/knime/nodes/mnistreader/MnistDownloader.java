package org.vaenodes.knime.nodes.mnistreader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeLogger;
import org.vaenodes.engine.io.AtomicFiles;

/**
 * Downloads the standard MNIST / Fashion-MNIST IDX files into a cache folder, verifies them by MD5 and moves
 * them into place atomically, so the cache never holds a partial or corrupt file under the final name.
 */
public final class MnistDownloader {

    private static final NodeLogger LOGGER = NodeLogger.getLogger(MnistDownloader.class);

    /** The two datasets and their usual download locations. */
    public enum Dataset {
        MNIST("MNIST", "https://storage.googleapis.com/cvdf-datasets/mnist/"),
        FASHION_MNIST("Fashion-MNIST", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

        private final String m_label;

        private final String m_defaultBaseUrl;

        Dataset(final String label, final String defaultBaseUrl) {
            m_label = label;
            m_defaultBaseUrl = defaultBaseUrl;
        }

        public String label() {
            return m_label;
        }

        public String defaultBaseUrl() {
            return m_defaultBaseUrl;
        }

        /** By label ("MNIST", "Fashion-MNIST") or enum name. */
        public static Dataset of(final String name) {
            for (Dataset d : values()) {
                if (d.m_label.equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("Unknown dataset \"" + name + "\"; use MNIST or Fashion-MNIST.");
        }
    }

    /** MD5 of the eight standard (gzipped) files, keyed "&lt;dataset label&gt;/&lt;file name&gt;". */
    public static final Map<String, String> KNOWN_MD5 = Map.of(
        "MNIST/train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "MNIST/train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432",
        "MNIST/t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3",
        "MNIST/t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c",
        "Fashion-MNIST/train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "Fashion-MNIST/train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
        "Fashion-MNIST/t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
        "Fashion-MNIST/t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310");

    private static final int TIMEOUT_MS = 30_000;

    private final Map<String, String> m_md5;

    /** With the known checksums. */
    public MnistDownloader() {
        this(KNOWN_MD5);
    }

    /** With other checksums (tests). */
    public MnistDownloader(final Map<String, String> md5) {
        m_md5 = Map.copyOf(md5);
    }

    /** File name of the images ("t10k-images-idx3-ubyte.gz" for the test split). */
    public static String imagesFile(final boolean train) {
        return (train ? "train" : "t10k") + "-images-idx3-ubyte.gz";
    }

    /** File name of the labels. */
    public static String labelsFile(final boolean train) {
        return (train ? "train" : "t10k") + "-labels-idx1-ubyte.gz";
    }

    /** The default cache folder of a dataset: {@code ~/.vaenodes/datasets/<label>}. */
    public static Path defaultCacheDir(final Dataset dataset) {
        return Path.of(System.getProperty("user.home"), ".vaenodes", "datasets", dataset.label());
    }

    /**
     * The file in the cache, downloaded first when it is absent or fails its checksum.
     *
     * @param baseUrl folder URL the file name is appended to (a missing trailing slash is added)
     */
    public Path fetch(final Dataset dataset, final String fileName, final String baseUrl, final Path cacheDir,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        String key = dataset.label() + "/" + fileName;
        String expected = m_md5.get(key);
        if (expected == null) {
            throw new IOException("No known MD5 checksum for " + key + ".");
        }
        Files.createDirectories(cacheDir);
        Path target = cacheDir.resolve(fileName);
        boolean cached = Files.isRegularFile(target);
        if (cached && expected.equalsIgnoreCase(md5(target))) {
            LOGGER.debug("Using " + target + " from the cache (MD5 " + expected + " matches).");
            return target;
        }
        URL url = url(baseUrl, fileName);
        LOGGER.info("Downloading " + url + " to " + target
            + (cached ? " (the cached file fails its MD5 checksum)." : "."));
        exec.setMessage("Downloading " + url);
        Path tmp = AtomicFiles.tempFileBeside(target);
        try {
            String actual;
            try {
                actual = download(url, tmp, exec);
            } catch (IOException e) {
                throw new IOException(downloadFailure(fileName, url, e), e);
            }
            if (!expected.equalsIgnoreCase(actual)) {
                throw new IOException("MD5 checksum mismatch for " + url + ": expected " + expected + ", got "
                    + actual + ". The download is damaged or the server offers different files; check the base URL.");
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The message for a failed download: which file from where, why in words (a bare UnknownHostException says
     * only the host name), and what the user can do.
     */
    static String downloadFailure(final String fileName, final URL url, final IOException e) {
        String why;
        if (e instanceof java.net.UnknownHostException) {
            why = "the host " + url.getHost() + " could not be found";
        } else if (e instanceof java.net.SocketTimeoutException) {
            why = "the server did not answer within " + TIMEOUT_MS / 1000 + " s";
        } else if (e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException) {
            why = "no connection to " + url.getHost() + " (" + e.getMessage() + ")";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Download of " + fileName + " from " + url + " failed: " + why + ". Check the internet connection "
            + "or proxy (KNIME preferences, Network Connections), enter another base URL, or use \"Local IDX "
            + "files\" with files you downloaded yourself.";
    }

    static URL url(final String baseUrl, final String fileName) throws IOException {
        String base = baseUrl.trim();
        if (!base.endsWith("/")) {
            base += "/";
        }
        try {
            URI uri = new URI(base).resolve(fileName);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IOException("The base URL \"" + baseUrl + "\" must start with http:// or https://.");
            }
            return uri.toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("The base URL \"" + baseUrl + "\" is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static String download(final URL url, final Path file, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        URLConnection c = url.openConnection();
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        try {
            if (c instanceof HttpURLConnection) {
                int code = ((HttpURLConnection)c).getResponseCode();
                if (code != HttpURLConnection.HTTP_OK) {
                    throw new IOException("the server answered HTTP " + code + " "
                        + ((HttpURLConnection)c).getResponseMessage());
                }
            }
            long length = c.getContentLengthLong();
            MessageDigest md = md5Digest();
            byte[] buf = new byte[1 << 16];
            long done = 0;
            try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    exec.checkCanceled();
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    done += n;
                    if (length > 0) {
                        exec.setProgress(Math.min(1.0, done / (double)length));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } finally {
            if (c instanceof HttpURLConnection) {
                ((HttpURLConnection)c).disconnect();
            }
        }
    }

    static String md5(final Path file) throws IOException {
        MessageDigest md = md5Digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
