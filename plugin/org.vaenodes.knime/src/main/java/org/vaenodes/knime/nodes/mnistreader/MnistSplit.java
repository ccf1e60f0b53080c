package org.vaenodes.knime.nodes.mnistreader;

import org.knime.core.node.InvalidSettingsException;

import org.vaenodes.knime.nodes.SavedChoice;

/** Which part of a downloaded dataset the MNIST Reader reads. */
enum MnistSplit implements SavedChoice {

    TEST("test", "Test (10,000)"),

    TRAIN("train", "Train (60,000)");

    private final String m_key;

    private final String m_label;

    MnistSplit(final String key, final String label) {
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

    /** The split saved as {@code key}. */
    static MnistSplit parse(final String key) throws InvalidSettingsException {
        return SavedChoice.find(MnistSplit.class, key).orElseThrow(() -> new InvalidSettingsException(
            "Unknown split \"" + key + "\"; use train or test."));
    }
}
