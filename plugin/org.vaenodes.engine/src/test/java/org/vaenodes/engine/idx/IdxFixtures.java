package org.vaenodes.engine.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small synthetic IDX files for the tests, built byte by byte. */
final class IdxFixtures {

    static final int COUNT = 7;
    static final int ROWS = 5;
    static final int COLS = 3;

    private IdxFixtures() {
    }

    /** 7 images of 5×3 with known bytes covering 0..255: pixel k of image i is (i*37 + k*11) mod 256. */
    static byte[] pixels() {
        byte[] p = new byte[COUNT * ROWS * COLS];
        for (int i = 0; i < COUNT; i++) {
            for (int k = 0; k < ROWS * COLS; k++) {
                p[i * ROWS * COLS + k] = (byte) ((i * 37 + k * 11) % 256);
            }
        }
        p[0] = 0;
        p[1] = (byte) 255;
        return p;
    }

    static int[] labels() {
        return new int[] {3, 0, 9, 255, 1, 128, 7};
    }

    static byte[] imageHeader(int magic, int count, int rows, int cols) {
        return ByteBuffer.allocate(16).putInt(magic).putInt(count).putInt(rows).putInt(cols).array();
    }

    static byte[] labelHeader(int magic, int count) {
        return ByteBuffer.allocate(8).putInt(magic).putInt(count).array();
    }

    /** A valid raw image file's bytes. */
    static byte[] rawImageFile() {
        return concat(imageHeader(0x803, COUNT, ROWS, COLS), pixels());
    }

    /** A valid raw label file's bytes. */
    static byte[] rawLabelFile() {
        int[] l = labels();
        byte[] b = new byte[l.length];
        for (int i = 0; i < l.length; i++) {
            b[i] = (byte) l[i];
        }
        return concat(labelHeader(0x801, l.length), b);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }
}
