package org.vaenodes.engine.idx;

import java.util.Objects;

/**
 * Images with their labels, or with none ({@code labels == null}). When both are there, their counts agree.
 */
public record IdxDataset(IdxImages images, IdxLabels labels) {

    public IdxDataset {
        Objects.requireNonNull(images, "images");
        if (labels != null && labels.count() != images.count()) {
            throw new IllegalArgumentException(
                    labels.count() + " labels do not match " + images.count() + " images");
        }
    }

    /** Whether labels are present. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Number of images. */
    public int size() {
        return images.count();
    }

    /** The first {@code min(maxCount, size())} images and their labels. */
    public IdxDataset subset(int maxCount) {
        return new IdxDataset(images.subset(maxCount), labels == null ? null : labels.subset(maxCount));
    }
}
