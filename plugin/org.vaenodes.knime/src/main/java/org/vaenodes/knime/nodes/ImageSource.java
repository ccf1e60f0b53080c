package org.vaenodes.knime.nodes;

import org.knime.core.node.InvalidSettingsException;

/** Where a node reads each row's image from. */
public enum ImageSource implements SavedChoice {

    /** A PNG column when the table has one and no {@code px_*} column, else the pixel columns. */
    AUTO("auto", "Automatic (a PNG image column if the table has no px_* columns)"),

    PIXEL_COLUMNS("pixel_columns", "Pixel columns"),

    IMAGE_COLUMN("image_column", "PNG image column");

    private final String m_key;

    private final String m_label;

    ImageSource(final String key, final String label) {
        m_key = key;
        m_label = label;
    }

    @Override
    public String key() {
        return m_key;
    }

    @Override
    public String label() {
        return m_label;
    }

    /** The source saved as {@code key}. */
    public static ImageSource parse(final String key) throws InvalidSettingsException {
        return SavedChoice.find(ImageSource.class, key).orElseThrow(() -> new InvalidSettingsException(
            "Unknown image input \"" + key + "\"; use auto, pixel_columns or image_column."));
    }
}
