package org.vaenodes.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The images {@link ImageFolder#read} read, in its order, with their files and (when asked) labels. Immutable.
 */
public final class FolderImages implements ImageDataset {

    private final List<ImageFolder.Entry> entries;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] values;
    private final List<String> labelNames;

    FolderImages(List<ImageFolder.Entry> entries, int channels, int height, int width, float[] values) {
        this.entries = List.copyOf(entries);
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.values = values;
        TreeSet<String> names = new TreeSet<>();
        for (ImageFolder.Entry e : entries) {
            if (e.label() != null) {
                names.add(e.label());
            }
        }
        labelNames = List.copyOf(new ArrayList<>(names));
    }

    @Override public int size() { return entries.size(); }
    @Override public int height() { return height; }
    @Override public int width() { return width; }
    @Override public int channels() { return channels; }

    @Override
    public void copyImage(int index, float[] dst, int offset) {
        int n = valuesPerImage();
        System.arraycopy(values, index * n, dst, offset, n);
    }

    /** Whether the images have labels (from their folders). */
    public boolean hasLabels() {
        return !labelNames.isEmpty();
    }

    /** Image i's label (its first sub-folder's name), or null. */
    public String label(int index) {
        return entries.get(index).label();
    }

    /** The distinct labels, sorted as Java strings. */
    public List<String> labelNames() {
        return labelNames;
    }

    /** Image i's file. */
    public Path file(int index) {
        return entries.get(index).file();
    }

    /** Image i's path relative to the folder, '/'-separated. */
    public String relativePath(int index) {
        return entries.get(index).relative();
    }
}
