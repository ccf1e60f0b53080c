package org.vaenodes.knime.nodes.mnistreader;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

import org.vaenodes.knime.nodes.SettingsGroup;

/** The MNIST Reader's settings (one SettingsModel each, so each can be set by a flow variable). */
final class MnistReaderSettings extends SettingsGroup {

    static final String MODE_BUILTIN = "builtin";

    static final String MODE_LOCAL = "local";

    static final String MODE_DOWNLOAD = "download";

    static final String SPLIT_TEST = "test";

    static final String SPLIT_TRAIN = "train";

    static final String SCALE_UNIT = "unit";

    static final String SCALE_BYTE = "byte";

    final SettingsModelString m_mode = new SettingsModelString("mode", MODE_BUILTIN);

    final SettingsModelString m_imagesFile = new SettingsModelString("images_file", "");

    final SettingsModelString m_labelsFile = new SettingsModelString("labels_file", "");

    final SettingsModelString m_dataset = new SettingsModelString("dataset", MnistDownloader.Dataset.MNIST.label());

    final SettingsModelString m_split = new SettingsModelString("split", SPLIT_TEST);

    final SettingsModelString m_baseUrl = new SettingsModelString("base_url", "");

    final SettingsModelString m_cacheDir = new SettingsModelString("cache_dir", "");

    final SettingsModelIntegerBounded m_maxRows =
        new SettingsModelIntegerBounded("max_rows", 0, 0, Integer.MAX_VALUE);

    final SettingsModelString m_pixelScale = new SettingsModelString("pixel_scale", SCALE_UNIT);

    @Override
    protected List<SettingsModel> all() {
        return List.of(m_mode, m_imagesFile, m_labelsFile, m_dataset, m_split, m_baseUrl, m_cacheDir, m_maxRows,
            m_pixelScale);
    }

    @Override
    protected MnistReaderSettings fresh() {
        return new MnistReaderSettings();
    }

    /** Checks the values that a SettingsModel alone cannot. */
    @Override
    protected void check() throws InvalidSettingsException {
        String mode = m_mode.getStringValue();
        if (!List.of(MODE_BUILTIN, MODE_LOCAL, MODE_DOWNLOAD).contains(mode)) {
            throw new InvalidSettingsException("Unknown source \"" + mode + "\"; use builtin, local or download.");
        }
        if (!List.of(SCALE_UNIT, SCALE_BYTE).contains(m_pixelScale.getStringValue())) {
            throw new InvalidSettingsException("Unknown pixel scale \"" + m_pixelScale.getStringValue()
                + "\"; use unit ([0, 1]) or byte (0–255).");
        }
        if (MODE_DOWNLOAD.equals(mode)) {
            try {
                MnistDownloader.Dataset.of(m_dataset.getStringValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
            if (!List.of(SPLIT_TEST, SPLIT_TRAIN).contains(m_split.getStringValue())) {
                throw new InvalidSettingsException("Unknown split \"" + m_split.getStringValue()
                    + "\"; use train or test.");
            }
        }
    }

    boolean isTrain() {
        return SPLIT_TRAIN.equals(m_split.getStringValue());
    }

    double scale() {
        return SCALE_BYTE.equals(m_pixelScale.getStringValue()) ? 1.0 : 1.0 / 255.0;
    }
}
