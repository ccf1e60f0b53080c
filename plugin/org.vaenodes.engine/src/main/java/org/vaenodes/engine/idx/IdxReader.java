package org.vaenodes.engine.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.vaenodes.engine.io.FileKind;

/**
 * Reads IDX files (the MNIST format): unsigned-byte image files (magic 0x00000803, header: magic, count, rows,
 * columns as big-endian ints) and unsigned-byte label files (magic 0x00000801, header: magic, count).
 *
 * <p>Gzip is detected by content (first two bytes 0x1f 0x8b), not by file name; anything else is read raw.
 * The header is validated before anything is allocated: magic number, dimensions (1..{@value #MAX_DIMENSION}
 * rows and columns, at least one item) and a memory cap ({@link #withMaxBytes(long)}, default 2 GiB). Raw files
 * must be exactly as long as their header says; gzip data and streams are read into a buffer that grows as the
 * data arrives, so a header that claims more than the data holds costs no memory. Paths must name regular files
 * (checked before opening: a named pipe would block). Every error is an {@link IdxFormatException} whose message
 * starts with the file or source name.
 *
 * <p>The static {@code read*} methods use the default cap; an instance from {@link #withMaxBytes(long)} reads
 * with its own cap through {@link #images(Path)}, {@link #labels(Path)}, {@link #dataset(Path, Path)}.
 */
public final class IdxReader {

    /** Magic number of an unsigned-byte IDX file with 3 dimensions: images. */
    public static final int IMAGE_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte IDX file with 1 dimension: labels. */
    public static final int LABEL_MAGIC = 0x00000801;
    /** Largest number of rows or columns accepted. */
    public static final int MAX_DIMENSION = 4096;
    /** Default memory cap: 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;

    static final int IMAGE_HEADER_BYTES = 16;
    static final int LABEL_HEADER_BYTES = 8;
    /** Largest array length a JVM reliably allocates. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final int BUFFER = 1 << 16;
    /** First buffer for data whose length is only declared (gzip, streams); grows by doubling from there. */
    private static final int FIRST_CHUNK = 1 << 20;

    private static final IdxReader DEFAULT = new IdxReader(DEFAULT_MAX_BYTES);

    private final long maxBytes;

    private IdxReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A reader with the default memory cap of 2 GiB. */
    public static IdxReader defaults() {
        return DEFAULT;
    }

    /** A reader that refuses files whose data would take more than {@code maxBytes} bytes in memory. */
    public static IdxReader withMaxBytes(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        return new IdxReader(maxBytes);
    }

    /** This reader's memory cap in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    // ---- static convenience, default cap ----

    /** Reads an image file (raw or gzip) with the default cap. */
    public static IdxImages readImages(Path file) throws IOException {
        return DEFAULT.images(file);
    }

    /** Reads a label file (raw or gzip) with the default cap. */
    public static IdxLabels readLabels(Path file) throws IOException {
        return DEFAULT.labels(file);
    }

    /** Reads an image file from a stream (raw or gzip; not closed) with the default cap. */
    public static IdxImages readImages(InputStream in, String sourceName) throws IOException {
        return DEFAULT.images(in, sourceName);
    }

    /** Reads a label file from a stream (raw or gzip; not closed) with the default cap. */
    public static IdxLabels readLabels(InputStream in, String sourceName) throws IOException {
        return DEFAULT.labels(in, sourceName);
    }

    /**
     * Reads images and, unless {@code labelsOrNull} is null, their labels, with the default cap; the label count
     * must equal the image count.
     */
    public static IdxDataset readDataset(Path images, Path labelsOrNull) throws IOException {
        return DEFAULT.dataset(images, labelsOrNull);
    }

    // ---- instance methods, this reader's cap ----

    /** Reads an image file (raw or gzip). */
    public IdxImages images(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = nameOf(file);
        requireRegularFile(file, name);
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(Input.open(in, name, length));
        }
    }

    /** Reads a label file (raw or gzip). */
    public IdxLabels labels(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = nameOf(file);
        requireRegularFile(file, name);
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(Input.open(in, name, length));
        }
    }

    /** Reads an image file from a stream (raw or gzip). The stream is read to its end but not closed. */
    public IdxImages images(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        return readImages(Input.open(in, Objects.requireNonNull(sourceName, "sourceName"), -1));
    }

    /** Reads a label file from a stream (raw or gzip). The stream is read to its end but not closed. */
    public IdxLabels labels(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        return readLabels(Input.open(in, Objects.requireNonNull(sourceName, "sourceName"), -1));
    }

    /** Reads images and, unless {@code labelsOrNull} is null, their labels; the counts must agree. */
    public IdxDataset dataset(Path images, Path labelsOrNull) throws IOException {
        IdxImages im = images(images);
        if (labelsOrNull == null) {
            return new IdxDataset(im, null);
        }
        IdxLabels lb = labels(labelsOrNull);
        checkSameCount(im, nameOf(images), lb, nameOf(labelsOrNull));
        return new IdxDataset(im, lb);
    }

    /**
     * Throws an {@link IdxFormatException} naming the label source when the label count differs from the image
     * count.
     */
    public static void checkSameCount(IdxImages images, String imagesName, IdxLabels labels, String labelsName)
            throws IdxFormatException {
        if (labels.count() != images.count()) {
            throw new IdxFormatException(labelsName, String.format(Locale.ROOT,
                    "%,d labels, but %s has %,d images: the counts must be equal",
                    labels.count(), imagesName, images.count()));
        }
    }

    // ---- parsing ----

    private IdxImages readImages(Input in) throws IOException {
        byte[] header = new byte[IMAGE_HEADER_BYTES];
        readHeader(in, header, IMAGE_MAGIC, "IDX image file");
        long count = Integer.toUnsignedLong(intAt(header, 4));
        long rows = Integer.toUnsignedLong(intAt(header, 8));
        long cols = Integer.toUnsignedLong(intAt(header, 12));
        if (count == 0) {
            throw in.error("header declares 0 images, at least 1 is needed");
        }
        if (rows < 1 || cols < 1 || rows > MAX_DIMENSION || cols > MAX_DIMENSION) {
            throw in.error(String.format(Locale.ROOT,
                    "header declares images of %,d×%,d pixels: rows and columns must each be 1..%d",
                    rows, cols, MAX_DIMENSION));
        }
        long bytes = count * rows * cols;
        String what = String.format(Locale.ROOT, "%,d images of %d×%d", count, rows, cols);
        checkCap(in, what, bytes);
        in.checkRawLength(IMAGE_HEADER_BYTES + bytes, what);
        byte[] pixels = in.readBody((int) bytes, IMAGE_HEADER_BYTES);
        in.expectEnd(IMAGE_HEADER_BYTES + bytes);
        return IdxImages.wrap((int) count, (int) rows, (int) cols, pixels);
    }

    private IdxLabels readLabels(Input in) throws IOException {
        byte[] header = new byte[LABEL_HEADER_BYTES];
        readHeader(in, header, LABEL_MAGIC, "IDX label file");
        long count = Integer.toUnsignedLong(intAt(header, 4));
        if (count == 0) {
            throw in.error("header declares 0 labels, at least 1 is needed");
        }
        String what = String.format(Locale.ROOT, "%,d labels", count);
        // Kept as int: 4 bytes each in memory.
        checkCap(in, what, count * Integer.BYTES);
        in.checkRawLength(LABEL_HEADER_BYTES + count, what);
        byte[] raw = in.readBody((int) count, LABEL_HEADER_BYTES);
        in.expectEnd(LABEL_HEADER_BYTES + count);
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = raw[i] & 0xff;
        }
        return IdxLabels.wrap(labels);
    }

    private static void readHeader(Input in, byte[] header, int magic, String kind) throws IOException {
        int got = in.readFully(header, 0, header.length);
        if (got < 4) {
            throw in.truncated(header.length, got, "header");
        }
        int found = intAt(header, 0);
        if (found != magic) {
            String hint = "";
            if (found == IMAGE_MAGIC) {
                hint = ": this is an IDX image file";
            } else if (found == LABEL_MAGIC) {
                hint = ": this is an IDX label file";
            } else if ((found >>> 16) == 0) {
                int type = (found >>> 8) & 0xff;
                int dims = found & 0xff;
                if (type == 0x08) {
                    hint = ": an unsigned-byte IDX file with " + dims + " dimensions";
                } else if (type == 0x09 || (type >= 0x0b && type <= 0x0e)) {
                    hint = String.format(Locale.ROOT,
                            ": IDX data type 0x%02x; only unsigned-byte data (0x08) is supported", type);
                }
            }
            throw in.error(String.format(Locale.ROOT, "bad magic number 0x%08x, expected 0x%08x (%s)%s",
                    found, magic, kind, hint));
        }
        if (got < header.length) {
            throw in.truncated(header.length, got, "header");
        }
    }

    private void checkCap(Input in, String what, long bytes) throws IdxFormatException {
        if (bytes > maxBytes) {
            throw in.error(String.format(Locale.ROOT, "header declares %s = %s, more than the limit of %s",
                    what, formatBytes(bytes), formatBytes(maxBytes)));
        }
        if (bytes > MAX_ARRAY_LENGTH) {
            throw in.error(String.format(Locale.ROOT,
                    "header declares %s = %s, more than one Java array can hold (%s)",
                    what, formatBytes(bytes), formatBytes(MAX_ARRAY_LENGTH)));
        }
    }

    private static int intAt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
                | (b[off + 3] & 0xff);
    }

    /**
     * Checked before opening: a named pipe without a writer would block the open forever, and neither a pipe nor
     * a device has the length the raw-file check relies on.
     */
    private static void requireRegularFile(Path file, String name) throws IOException {
        FileKind kind = FileKind.of(file);
        if (kind == FileKind.MISSING) {
            throw new NoSuchFileException(file.toString());
        }
        if (kind != FileKind.REGULAR_FILE) {
            throw new IdxFormatException(name, "is " + kind.description()
                    + ", not a regular file; give the path of an IDX file (copy piped data to a file first)");
        }
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Bytes in binary units: "812 bytes", "47.0 KiB", "2.0 GiB", "1.4 TiB". */
    static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** One opened source: raw or gunzipped bytes, with the error vocabulary of the reader. */
    private static final class Input {
        final String name;
        final InputStream in;
        final boolean gzip;
        /** Length of a raw file, or -1 when unknown (streams) or not meaningful (gzip). */
        final long rawLength;
        /** Whether a gzip stream broke off before its end (EOF inside deflate data or trailer). */
        boolean cutOff;

        private Input(String name, InputStream in, boolean gzip, long rawLength) {
            this.name = name;
            this.in = in;
            this.gzip = gzip;
            this.rawLength = rawLength;
        }

        static Input open(InputStream source, String name, long fileLength) throws IOException {
            BufferedInputStream b = new BufferedInputStream(source, BUFFER);
            b.mark(2);
            int b0 = b.read();
            int b1 = b0 < 0 ? -1 : b.read();
            b.reset();
            if (b0 < 0) {
                throw new IdxFormatException(name, "empty file");
            }
            if (b0 != 0x1f || b1 != 0x8b) {
                return new Input(name, b, false, fileLength);
            }
            try {
                return new Input(name, new GZIPInputStream(b, BUFFER), true, -1);
            } catch (EOFException e) {
                throw new IdxFormatException(name, "truncated: the gzip header is incomplete", e);
            } catch (ZipException e) {
                throw new IdxFormatException(name, "not a valid gzip stream (" + e.getMessage() + ")", e);
            }
        }

        IdxFormatException error(String problem) {
            return new IdxFormatException(name, problem);
        }

        IdxFormatException truncated(long expected, long found, String part) {
            String msg = String.format(Locale.ROOT, "truncated: expected %,d %sbytes, found %,d",
                    expected, part.isEmpty() ? "" : part + " ", found);
            if (cutOff) {
                msg += " (the gzip stream breaks off)";
            } else if (gzip) {
                msg += " (after decompression)";
            }
            return new IdxFormatException(name, msg);
        }

        /** For raw files of known length: the length must be exactly what the header declares. */
        void checkRawLength(long expected, String what) throws IdxFormatException {
            if (gzip || rawLength < 0) {
                return;
            }
            if (rawLength < expected) {
                throw truncated(expected, rawLength, "");
            }
            if (rawLength > expected) {
                throw error(String.format(Locale.ROOT,
                        "file has %,d bytes, but its header declares %s = %,d bytes: %s",
                        rawLength, what, expected, trailing(rawLength - expected)));
            }
        }

        /** Reads up to len bytes; returns fewer only at the end of the data (or where gzip data breaks off). */
        int readFully(byte[] buf, int off, int len) throws IOException {
            int total = 0;
            try {
                while (total < len) {
                    int n = in.read(buf, off + total, len - total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            } catch (EOFException e) {
                if (!gzip) {
                    throw e;
                }
                cutOff = true;
            } catch (ZipException e) {
                throw corrupt(e);
            }
            return total;
        }

        /**
         * Reads the whole body of {@code declared} bytes that follows a header of headerBytes bytes. Only a raw
         * file's length has been checked against the header; for gzip data and streams the header is a claim, so
         * the buffer grows as bytes arrive instead of trusting it: a 1 KB gzip file declaring 2,000,000 images
         * must not take 1.5 GiB before it is found to hold 10. Doubling costs at most one extra copy of the data
         * in total and, for the last step, a transient old-plus-new buffer.
         */
        byte[] readBody(int declared, int headerBytes) throws IOException {
            if (!gzip && rawLength >= 0) {
                byte[] body = new byte[declared];
                int got = readFully(body, 0, declared);
                if (got < declared) {
                    throw truncated(headerBytes + (long) declared, headerBytes + (long) got, "");
                }
                return body;
            }
            byte[] body = new byte[Math.min(declared, FIRST_CHUNK)];
            int got = 0;
            while (true) {
                got += readFully(body, got, body.length - got);
                if (got < body.length) {
                    throw truncated(headerBytes + (long) declared, headerBytes + (long) got, "");
                }
                if (got == declared) {
                    return body;
                }
                body = Arrays.copyOf(body, (int) Math.min(declared, 2L * body.length));
            }
        }

        /** After the declared data: there must be nothing more. */
        void expectEnd(long declared) throws IOException {
            int next;
            try {
                next = in.read();
            } catch (EOFException e) {
                if (!gzip) {
                    throw e;
                }
                throw error("truncated: the gzip stream breaks off after the data, before its trailer");
            } catch (ZipException e) {
                throw corrupt(e);
            }
            if (next >= 0) {
                long extra = 1;
                byte[] skip = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(skip)) > 0) {
                        extra += n;
                    }
                } catch (IOException ignored) {
                    // only counting the surplus; the error below is what matters
                }
                throw error(String.format(Locale.ROOT,
                        "%s after the %,d bytes the header declares%s",
                        trailing(extra), declared, gzip ? " (after decompression)" : ""));
            }
        }

        private static String trailing(long n) {
            return String.format(Locale.ROOT, "%,d unexpected trailing byte%s", n, n == 1 ? "" : "s");
        }

        private IdxFormatException corrupt(ZipException e) {
            return new IdxFormatException(name,
                    "corrupt gzip data, not a valid gzip stream (" + e.getMessage() + ")", e);
        }
    }
}
