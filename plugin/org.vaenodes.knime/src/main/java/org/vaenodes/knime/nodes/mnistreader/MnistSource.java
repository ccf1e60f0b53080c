package org.vaenodes.knime.nodes.mnistreader;

import org.knime.core.node.InvalidSettingsException;

import org.vaenodes.knime.nodes.SavedChoice;

/** Where the MNIST Reader takes its images from. */
enum MnistSource implements SavedChoice {

    BUILTIN("builtin", "Built-in MNIST test set (10,000 images, offline)"),

    LOCAL("local", "Local IDX files"),

    DOWNLOAD("download", "Download MNIST / Fashion-MNIST");

    private final String m_key;

    private final String m_label;

    MnistSource(final String key, final String label) {
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
    static MnistSource parse(final String key) throws InvalidSettingsException {
        return SavedChoice.find(MnistSource.class, key).orElseThrow(() -> new InvalidSettingsException(
            "Unknown source \"" + key + "\"; use builtin, local or download."));
    }
}
