package org.vaenodes.knime.nodes;

import org.knime.core.node.InvalidSettingsException;

/** How many channels a model trained on a PNG column gets. */
public enum ImageChannels implements SavedChoice {

    /** 1 when the first image is gray, else 3. */
    AUTO("auto", "From the first image", 0),

    GRAY("gray", "Grayscale", 1),

    RGB("rgb", "RGB", 3);

    private final String m_key;

    private final String m_label;

    private final int m_count;

    ImageChannels(final String key, final String label, final int count) {
        m_key = key;
        m_label = label;
        m_count = count;
    }

    @Override
    public String key() {
        return m_key;
    }

    @Override
    public String label() {
        return m_label;
    }

    /** The channels, 0 for {@link #AUTO}. */
    public int count() {
        return m_count;
    }

    /** The choice saved as {@code key}. */
    public static ImageChannels parse(final String key) throws InvalidSettingsException {
        return SavedChoice.find(ImageChannels.class, key).orElseThrow(() -> new InvalidSettingsException(
            "Unknown image channels \"" + key + "\"; use auto, gray or rgb."));
    }
}
