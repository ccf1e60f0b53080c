package org.vaenodes.knime.table;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.vaenodes.engine.image.PngImages;

/** PNG image cells KNIME renders in tables. */
public final class ImageCells {

    private ImageCells() {
    }

    /** Spec of a PNG image column. */
    public static DataColumnSpec spec(final String name) {
        return new DataColumnSpecCreator(name, PNGImageCellFactory.TYPE).createSpec();
    }

    /** A PNG cell of one image of {@code channels} (1 gray, 3 RGB; values in [0,1], channel-major) at {@code offset}. */
    public static DataCell png(final float[] values, final int offset, final int channels, final int height,
        final int width) {
        try {
            return PNGImageCellFactory.create(PngImages.toPng(values, offset, channels, height, width));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the image as PNG: " + e.getMessage(), e);
        }
    }

    /** A PNG cell of one grayscale image (values in [0,1]) at {@code offset}. */
    public static DataCell png(final float[] pixels, final int offset, final int height, final int width) {
        try {
            return PNGImageCellFactory.create(PngImages.toPng(pixels, offset, height, width));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the image as PNG: " + e.getMessage(), e);
        }
    }
}
