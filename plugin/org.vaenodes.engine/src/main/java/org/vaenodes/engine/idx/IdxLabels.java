package org.vaenodes.engine.idx;

import java.util.Arrays;
import java.util.Objects;

/** The labels of an IDX label file (magic 0x00000801): one unsigned byte per item, kept as int. */
public final class IdxLabels {

    private final int[] labels;

    private IdxLabels(int[] labels) {
        this.labels = labels;
    }

    /**
     * Labels from an array (copied). Each label must lie in 0..255, the range an IDX label file can hold.
     */
    public static IdxLabels of(int... labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.length == 0) {
            throw new IllegalArgumentException("at least one label is needed");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", outside 0..255");
            }
        }
        return new IdxLabels(labels.clone());
    }

    /** Wraps an array the caller hands over (no copy, no check): for the reader. */
    static IdxLabels wrap(int[] labels) {
        return new IdxLabels(labels);
    }

    /** Number of labels. */
    public int count() {
        return labels.length;
    }

    /** Label i, 0..255. */
    public int label(int i) {
        return labels[Objects.checkIndex(i, labels.length)];
    }

    /** A copy of all labels. */
    public int[] toArray() {
        return labels.clone();
    }

    /** The first {@code min(maxCount, count())} labels. */
    public IdxLabels subset(int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
        }
        return maxCount >= labels.length ? this : new IdxLabels(Arrays.copyOf(labels, maxCount));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxLabels other && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "IdxLabels[" + labels.length + " labels]";
    }
}
