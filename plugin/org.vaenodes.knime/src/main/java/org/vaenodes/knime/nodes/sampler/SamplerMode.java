package org.vaenodes.knime.nodes.sampler;

import org.knime.core.node.InvalidSettingsException;

import org.vaenodes.knime.nodes.SavedChoice;

/** What the VAE Sampler decodes. */
enum SamplerMode implements SavedChoice {

    RANDOM("random", "Random samples z ~ N(0, I)"),

    INTERPOLATION("interpolation", "Interpolation between two random points"),

    TRAVERSAL("traversal", "Traversal grid over two latent dimensions");

    private final String m_key;

    private final String m_label;

    SamplerMode(final String key, final String label) {
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

    /** The mode saved as {@code key}. */
    static SamplerMode parse(final String key) throws InvalidSettingsException {
        return SavedChoice.find(SamplerMode.class, key).orElseThrow(() -> new InvalidSettingsException(
            "Unknown mode \"" + key + "\"; use random, interpolation or traversal."));
    }
}
