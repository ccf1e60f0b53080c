package org.vaenodes.knime.table;

import org.knime.core.data.DataRow;

/**
 * Reads one image per row into float arrays ({@code channels × height × width} values in [0, 1], channel planes
 * one after the other, each row-major), from pixel columns ({@link PixelReader}) or from a PNG image column
 * ({@link PngCellReader}), and counts the rows it could not use.
 */
public interface ImageRows {

    /** Values per image. */
    int pixels();

    /**
     * Copies the row's image into {@code dst} at {@code offset}.
     *
     * @return false (nothing usable written) when the row has no usable image (a missing cell, NaN or infinite
     *         pixels): the caller skips it or leaves its outputs missing
     * @throws IllegalArgumentException naming the row when its image is damaged or does not fit the model
     */
    boolean read(DataRow row, float[] dst, int offset);

    /**
     * A warning about the rows that were skipped (naming the first) and other oddities of the input, {@code null}
     * if there is nothing to say.
     *
     * @param skippedWhat what happened to the skipped rows, e.g. "they were skipped"
     */
    String warning(String skippedWhat);

    /**
     * Rows to read between two cancel checks: reading numbers is fast, but decoding a large PNG can take a tenth
     * of a second, so a batch of them would delay cancelling by many seconds.
     */
    default int rowsPerCancelCheck() {
        return 256;
    }
}
