package org.vaenodes.knime.nodes.mnistreader;

import org.knime.core.node.InvalidSettingsException;

import org.vaenodes.knime.nodes.SavedChoice;

/** The range of the pixel columns the MNIST Reader writes. */
enum PixelScale implements SavedChoice {

    UNIT("unit", "[0, 1]", 1.0 / 255.0),

    BYTE("byte", "0–255", 1.0);

    private final String m_key;

    private final String m_label;

    private final double m_factor;

    PixelScale(final String key, final String label, final double factor) {
        m_key = key;
        m_label = label;
        m_factor = factor;
    }

    @Override
    public String key() {
        return m_key;
    }

    @Override
    public String label() {
        return m_label;
    }

    /** What a stored byte value (0–255) is multiplied by. */
    double factor() {
        return m_factor;
    }

    /** The scale saved as {@code key}. */
    static PixelScale parse(final String key) throws InvalidSettingsException {
        return SavedChoice.find(PixelScale.class, key).orElseThrow(() -> new InvalidSettingsException(
            "Unknown pixel scale \"" + key + "\"; use unit ([0, 1]) or byte (0–255)."));
    }
}
