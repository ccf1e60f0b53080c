package org.vaenodes.cli;

import java.nio.file.Path;

import org.vaenodes.engine.data.FolderImages;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.idx.IdxDataset;

/** Images a command read, from an IDX file or a folder, with their labels and (for a folder) files, if any. */
record InputImages(ImageDataset images, IdxDataset idx, FolderImages folder, Path source) {

    static InputImages of(IdxDataset idx, Path source) {
        return new InputImages(idx.images(), idx, null, source);
    }

    static InputImages of(FolderImages folder, Path source) {
        return new InputImages(folder, null, folder, source);
    }

    int size() {
        return images.size();
    }

    boolean hasLabels() {
        return idx != null ? idx.hasLabels() : folder.hasLabels();
    }

    /** Image i's label as text: the IDX label number or the folder name. */
    String label(int index) {
        return idx != null ? Integer.toString(idx.labels().label(index)) : folder.label(index);
    }

    /** Image i's file relative to the folder, or null for IDX images. */
    String file(int index) {
        return folder == null ? null : folder.relativePath(index);
    }

    /** Heap bytes the images take. */
    long heapBytes() {
        return idx != null ? (long) images.size() * images.pixelsPerImage()
                : (long) Float.BYTES * images.size() * images.valuesPerImage();
    }

    /** The first {@code count} images' values, one image after the other. */
    float[] values(int first, int count) {
        int p = images.valuesPerImage();
        float[] out = new float[Math.multiplyExact(count, p)];
        for (int i = 0; i < count; i++) {
            images.copyImage(first + i, out, i * p);
        }
        return out;
    }

    /** A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
