package org.vaenodes.engine.idx;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

import org.vaenodes.engine.io.AtomicFiles;

/**
 * Writes IDX image files (magic 0x00000803) and label files (magic 0x00000801), raw or gzip-compressed.
 * Files are written to a temporary file in the target's folder, then moved into place atomically (or, where
 * the file system cannot, replacing the target), so a reader never sees a half-written file.
 */
public final class IdxWriter {

    private static final int BUFFER = 1 << 16;

    private IdxWriter() {
    }

    /** Writes images to {@code file}, gzip-compressed when {@code gzip}. */
    public static void writeImages(Path file, IdxImages images, boolean gzip) throws IOException {
        Objects.requireNonNull(images, "images");
        writeAtomically(file, gzip, out -> writeImages(out, images));
    }

    /**
     * Writes {@code pixels.length / (rows*cols)} images of rows × cols from raw unsigned bytes to {@code file},
     * gzip-compressed when {@code gzip}.
     */
    public static void writeImages(Path file, int rows, int cols, byte[] pixels, boolean gzip) throws IOException {
        writeImages(file, IdxImages.of(rows, cols, pixels), gzip);
    }

    /** Writes labels to {@code file}, gzip-compressed when {@code gzip}. */
    public static void writeLabels(Path file, IdxLabels labels, boolean gzip) throws IOException {
        Objects.requireNonNull(labels, "labels");
        writeAtomically(file, gzip, out -> writeLabels(out, labels));
    }

    /** Writes labels (each 0..255) to {@code file}, gzip-compressed when {@code gzip}. */
    public static void writeLabels(Path file, int[] labels, boolean gzip) throws IOException {
        writeLabels(file, IdxLabels.of(labels), gzip);
    }

    /** Writes an uncompressed IDX image file to a stream (not closed; flushed). */
    public static void writeImages(OutputStream out, IdxImages images) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(IdxReader.IMAGE_MAGIC);
        data.writeInt(images.count());
        data.writeInt(images.rows());
        data.writeInt(images.cols());
        data.write(images.backingArray());
        data.flush();
    }

    /** Writes an uncompressed IDX label file to a stream (not closed; flushed). */
    public static void writeLabels(OutputStream out, IdxLabels labels) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(IdxReader.LABEL_MAGIC);
        data.writeInt(labels.count());
        byte[] raw = new byte[labels.count()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) labels.label(i);
        }
        data.write(raw);
        data.flush();
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path file, boolean gzip, Body body) throws IOException {
        Objects.requireNonNull(file, "file");
        AtomicFiles.write(file, fileOut -> {
            OutputStream buffered = new BufferedOutputStream(fileOut, BUFFER);
            if (gzip) {
                GZIPOutputStream z = new GZIPOutputStream(buffered, BUFFER);
                body.write(z);
                z.finish();
            } else {
                body.write(buffered);
            }
            buffered.flush();
        });
    }
}
