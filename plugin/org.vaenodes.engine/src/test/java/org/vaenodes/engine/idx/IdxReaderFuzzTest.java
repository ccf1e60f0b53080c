package org.vaenodes.engine.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaenodes.engine.idx.IdxFixtures.concat;
import static org.vaenodes.engine.idx.IdxFixtures.gzip;
import static org.vaenodes.engine.idx.IdxFixtures.imageHeader;
import static org.vaenodes.engine.idx.IdxFixtures.labelHeader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of valid IDX files (raw and gzip, images and labels, written by {@link IdxWriter}) and
 * of known hostile headers: every read either succeeds with a consistent result or fails with an
 * {@link IOException} that names the file, within a few seconds, never with an {@link OutOfMemoryError} or
 * another exception type. A plain loop instead of a property-testing library: it needs no test engine besides
 * JUnit's, and a failure prints the seed, case number and bytes to replay it.
 */
class IdxReaderFuzzTest {

    private static final long SEED = 0x1D8_F022L;
    /** Wall-clock budget for the whole loop; the count of cases run is printed and has a floor. */
    private static final long BUDGET_NANOS = 12_000_000_000L;
    private static final int MAX_CASES = 40_000;
    private static final int MIN_CASES = 500;
    private static final long READ_TIMEOUT_SECONDS = 5;
    /**
     * A read may allocate its buffers (1 MiB to start, doubling, labels also as ints) and a few copies of what
     * the file holds; a header's claim alone must cost nothing.
     */
    private static final long ALLOCATION_ALLOWANCE = 64L << 20;
    private static final long ALLOCATION_PER_INPUT_BYTE = 16;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final int[] INTERESTING_INTS = {0, 1, 2, -1, 0x7fff_ffff, 0x8000_0000, 0xffff_fffe, 2_000_000,
        4096, 4097, 28, 7, 6, 8, 0x803, 0x801, 0x0d03, 500_000_000, 1 << 20, (1 << 20) + 1};
    private static final byte[] INTERESTING_BYTES = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, 0x1f, (byte) 0x8b, 8, 3};

    @TempDir
    Path dir;

    private ExecutorService worker;

    @BeforeEach
    void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "idx-fuzz-read");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    /** A file to start from: its bytes and, for gzip, the raw bytes inside. */
    private record Seed(String name, byte[] bytes, byte[] rawInside) {
        boolean gzipped() {
            return rawInside != null;
        }
    }

    private List<Seed> corpus() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(SEED);
        addWritten(seeds, "images", IdxImages.of(IdxFixtures.ROWS, IdxFixtures.COLS, IdxFixtures.pixels()));
        addWritten(seeds, "one-pixel", IdxImages.of(1, 1, new byte[] {42}));
        byte[] mnistLike = new byte[1400 * 28 * 28];
        r.nextBytes(mnistLike);
        // Just over the reader's first 1 MiB buffer: mutations hit the growing path too.
        addWritten(seeds, "mnist-like", IdxImages.of(28, 28, mnistLike));
        Path labels = dir.resolve("seed-labels");
        IdxWriter.writeLabels(labels, IdxFixtures.labels(), false);
        seeds.add(new Seed("labels", Files.readAllBytes(labels), null));
        IdxWriter.writeLabels(labels, IdxFixtures.labels(), true);
        seeds.add(new Seed("labels.gz", Files.readAllBytes(labels), IdxFixtures.rawLabelFile()));

        // The hostile cases found by review, as seeds of their own.
        byte[] ten = new byte[10 * 28 * 28];
        r.nextBytes(ten);
        addRawAndGzip(seeds, "claims-2M-holds-10", concat(imageHeader(0x803, 2_000_000, 28, 28), ten));
        addRawAndGzip(seeds, "claims-500M-labels-holds-10", concat(labelHeader(0x801, 500_000_000), new byte[10]));
        addRawAndGzip(seeds, "claims-4G-images", imageHeader(0x803, 0xffff_ffff, 1, 1));
        addRawAndGzip(seeds, "rows-4097", concat(imageHeader(0x803, 1, 4097, 1), new byte[4097]));
        addRawAndGzip(seeds, "header-only", imageHeader(0x803, 7, 5, 3));
        addRawAndGzip(seeds, "labels-as-images", IdxFixtures.rawLabelFile());
        seeds.add(new Seed("empty", new byte[0], null));
        seeds.add(new Seed("gzip-magic-only", new byte[] {0x1f, (byte) 0x8b}, null));
        return seeds;
    }

    private void addWritten(List<Seed> seeds, String name, IdxImages images) throws IOException {
        Path f = dir.resolve("seed-" + name);
        IdxWriter.writeImages(f, images, false);
        byte[] raw = Files.readAllBytes(f);
        seeds.add(new Seed(name, raw, null));
        IdxWriter.writeImages(f, images, true);
        seeds.add(new Seed(name + ".gz", Files.readAllBytes(f), raw));
    }

    private static void addRawAndGzip(List<Seed> seeds, String name, byte[] raw) throws IOException {
        seeds.add(new Seed(name, raw, null));
        seeds.add(new Seed(name + ".gz", gzip(raw), raw));
    }

    @Test
    void mutatedIdxFilesReadOrFailWithAnIoExceptionNamingTheFile() throws Exception {
        List<Seed> seeds = corpus();
        SplittableRandom random = new SplittableRandom(SEED);
        Path file = dir.resolve("fuzz-case.idx");
        long start = System.nanoTime();
        int cases = 0;
        int succeeded = 0;
        for (Seed seed : seeds) {
            // each seed as it is, first
            succeeded += check(seed.bytes(), file, "seed " + seed.name());
            cases++;
        }
        while (cases < MAX_CASES && System.nanoTime() - start < BUDGET_NANOS) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            String[] how = new String[1];
            byte[] mutated = mutate(seed, random, how);
            succeeded += check(mutated, file, "case " + cases + " (seed " + seed.name() + ", " + how[0] + ")");
            cases++;
        }
        System.out.printf("IdxReaderFuzzTest: %d cases in %.1f s, %d read as valid images or labels%n", cases,
                (System.nanoTime() - start) / 1e9, succeeded);
        assertThat(cases).as("cases run within the budget").isGreaterThanOrEqualTo(MIN_CASES);
        // Mutations that keep a file valid exist (pixel bytes); the fuzzer must produce some, or it only tests errors.
        assertThat(succeeded).isPositive();
    }

    /** Reads the bytes as images and as labels, from a file and from a stream; returns how many reads succeeded. */
    private int check(byte[] bytes, Path file, String what) throws Exception {
        Files.write(file, bytes);
        String name = file.getFileName().toString();
        int ok = 0;
        ok += outcome(() -> validImages(IdxReader.readImages(file)), name, bytes, what + ", images from file");
        ok += outcome(() -> validLabels(IdxReader.readLabels(file)), name, bytes, what + ", labels from file");
        ok += outcome(() -> validImages(IdxReader.readImages(stream(bytes), "piped")), "piped", bytes,
                what + ", images from stream");
        ok += outcome(() -> validLabels(IdxReader.readLabels(stream(bytes), "piped")), "piped", bytes,
                what + ", labels from stream");
        return ok;
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private interface Read {
        void run() throws IOException;
    }

    private int outcome(Read read, String name, byte[] bytes, String what) throws InterruptedException {
        Future<Long> f = worker.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                read.run();
            } finally {
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                // The test JVM has heap enough to survive a reader that trusts a lying header: catch it here.
                if (allocated > ALLOCATION_ALLOWANCE + ALLOCATION_PER_INPUT_BYTE * bytes.length) {
                    throw new AssertionError(String.format("read allocated %,d bytes: %s", allocated,
                            describe(what, bytes)));
                }
            }
            return 0L;
        });
        try {
            f.get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return 1;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("read did not finish in " + READ_TIMEOUT_SECONDS + " s: " + describe(what, bytes));
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof IdxFormatException x) {
                assertThat(x.getMessage()).as(describe(what, bytes)).startsWith(name + ": ");
                assertThat(x.source()).isEqualTo(name);
                assertThat(x.problem()).isNotBlank();
            } else if (t instanceof IOException x) {
                assertThat(x.getMessage()).as("%s: %s", x.getClass().getName(), describe(what, bytes)).contains(name);
            } else if (t instanceof AssertionError a) {
                throw a;
            } else {
                throw new AssertionError("not an IOException: " + t + " for " + describe(what, bytes), t);
            }
            return 0;
        }
    }

    private static void validImages(IdxImages images) {
        if (images.count() < 1 || images.rows() < 1 || images.cols() < 1 || images.rows() > IdxReader.MAX_DIMENSION
                || images.cols() > IdxReader.MAX_DIMENSION
                || images.rawBytes().length != images.count() * images.rows() * images.cols()) {
            throw new AssertionError("inconsistent result " + images);
        }
    }

    private static void validLabels(IdxLabels labels) {
        if (labels.count() < 1) {
            throw new AssertionError("no labels");
        }
        for (int l : labels.toArray()) {
            if (l < 0 || l > 255) {
                throw new AssertionError("label " + l);
            }
        }
    }

    private static String describe(String what, byte[] bytes) {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 48));
        return what + ", seed 0x" + Long.toHexString(SEED) + ", " + bytes.length + " bytes starting "
                + HexFormat.of().formatHex(head);
    }

    // ---- mutations ----

    private static byte[] mutate(Seed seed, SplittableRandom r, String[] how) throws IOException {
        // Inside a gzip file most byte changes break the CRC: mutate the content and recompress it half the time,
        // so that the IDX parser behind the decompressor is reached too.
        if (seed.gzipped() && r.nextBoolean()) {
            byte[] inner = mutateBytes(seed.rawInside(), r, how);
            how[0] = "inside gzip: " + how[0];
            return gzip(inner);
        }
        return mutateBytes(seed.bytes(), r, how);
    }

    private static byte[] mutateBytes(byte[] original, SplittableRandom r, String[] how) throws IOException {
        byte[] b = original.clone();
        int rounds = 1 + r.nextInt(3);
        StringBuilder done = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            int kind = r.nextInt(9);
            if (done.length() > 0) {
                done.append(", ");
            }
            switch (kind) {
                case 0 -> {
                    int flips = 1 + r.nextInt(8);
                    for (int i = 0; i < flips && b.length > 0; i++) {
                        int at = r.nextInt(b.length);
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                    done.append(flips).append(" bit flips");
                }
                case 1 -> {
                    if (b.length > 0) {
                        int at = position(b.length, r);
                        b[at] = INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
                        done.append("byte ").append(at).append(" set");
                    }
                }
                case 2 -> {
                    int field = r.nextInt(4) * 4;
                    int value = INTERESTING_INTS[r.nextInt(INTERESTING_INTS.length)];
                    if (b.length < field + 4) {
                        b = Arrays.copyOf(b, field + 4);
                    }
                    ByteBuffer.wrap(b).putInt(field, value);
                    done.append("header int at ").append(field).append(" = ").append(value);
                }
                case 3 -> {
                    int len = b.length == 0 ? 0 : r.nextInt(b.length);
                    b = Arrays.copyOf(b, len);
                    done.append("truncated to ").append(len);
                }
                case 4 -> {
                    byte[] extra = new byte[1 + r.nextInt(64)];
                    r.nextBytes(extra);
                    b = concat(b, extra);
                    done.append(extra.length).append(" bytes appended");
                }
                case 5 -> {
                    int at = b.length == 0 ? 0 : r.nextInt(b.length);
                    int len = Math.min(b.length - at, 1 + r.nextInt(32));
                    b = concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
                    done.append(len).append(" bytes deleted at ").append(at);
                }
                case 6 -> {
                    int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
                    byte[] extra = new byte[1 + r.nextInt(32)];
                    r.nextBytes(extra);
                    b = concat(Arrays.copyOfRange(b, 0, at), extra, Arrays.copyOfRange(b, at, b.length));
                    done.append(extra.length).append(" bytes inserted at ").append(at);
                }
                case 7 -> {
                    b = concat(b, b);
                    done.append("doubled");
                }
                default -> {
                    // a gzip stream around whatever this is, or the gzip stream opened: both directions
                    if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
                        byte[] inner = gunzipOrNull(b);
                        b = inner != null ? inner : gzip(b);
                        done.append(inner != null ? "gunzipped" : "gzipped");
                    } else {
                        b = gzip(b);
                        done.append("gzipped");
                    }
                }
            }
        }
        how[0] = done.toString();
        return b;
    }

    /** Mostly within the first 16 bytes, where the header is: changes there reach the most code. */
    private static int position(int length, SplittableRandom r) {
        return r.nextInt(4) == 0 ? r.nextInt(length) : r.nextInt(Math.min(length, 16));
    }

    private static byte[] gunzipOrNull(byte[] b) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readNBytes(4 << 20);
        } catch (IOException e) {
            return null;
        }
    }
}
