package org.vaenodes.knime.nodes.mnistreader;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

import org.vaenodes.knime.nodes.SettingsGroup;

/** The MNIST Reader's settings (one SettingsModel each, so each can be set by a flow variable). */
final class MnistReaderSettings extends SettingsGroup {

    final SettingsModelString m_mode = new SettingsModelString("mode", MnistSource.BUILTIN.key());

    final SettingsModelString m_imagesFile = new SettingsModelString("images_file", "");

    final SettingsModelString m_labelsFile = new SettingsModelString("labels_file", "");

    final SettingsModelString m_dataset = new SettingsModelString("dataset", MnistDownloader.Dataset.MNIST.label());

    final SettingsModelString m_split = new SettingsModelString("split", MnistSplit.TEST.key());

    final SettingsModelString m_baseUrl = new SettingsModelString("base_url", "");

    final SettingsModelString m_cacheDir = new SettingsModelString("cache_dir", "");

    final SettingsModelIntegerBounded m_maxRows =
        new SettingsModelIntegerBounded("max_rows", 0, 0, Integer.MAX_VALUE);

    final SettingsModelString m_pixelScale = new SettingsModelString("pixel_scale", PixelScale.UNIT.key());

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
        MnistSource source = source();
        pixelScale();
        // dataset and split matter only to a download; other sources keep whatever they hold
        if (source == MnistSource.DOWNLOAD) {
            try {
                MnistDownloader.Dataset.of(m_dataset.getStringValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
            split();
        }
    }

    MnistSource source() throws InvalidSettingsException {
        return MnistSource.parse(m_mode.getStringValue());
    }

    MnistSplit split() throws InvalidSettingsException {
        return MnistSplit.parse(m_split.getStringValue());
    }

    PixelScale pixelScale() throws InvalidSettingsException {
        return PixelScale.parse(m_pixelScale.getStringValue());
    }
}
