package org.vaenodes.knime.nodes.mnistreader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

import org.vaenodes.knime.nodes.SavedChoice;

/** Dialog of the MNIST Reader. */
final class MnistReaderNodeDialog extends DefaultNodeSettingsPane {

    MnistReaderNodeDialog() {
        MnistReaderSettings s = new MnistReaderSettings();
        setDefaultTabTitle("Source");
        addDialogComponent(new DialogComponentButtonGroup(s.m_mode, "Source", true,
            SavedChoice.labels(MnistSource.class), SavedChoice.keys(MnistSource.class)));

        createNewGroup("Local IDX files");
        DialogComponentFileChooser images = new DialogComponentFileChooser(s.m_imagesFile, "vaenodes.idx.images",
            JFileChooser.OPEN_DIALOG, false, ".gz", ".idx3-ubyte", "-ubyte");
        images.setBorderTitle("Images file");
        addDialogComponent(images);
        DialogComponentFileChooser labels = new DialogComponentFileChooser(s.m_labelsFile, "vaenodes.idx.labels",
            JFileChooser.OPEN_DIALOG, false, ".gz", ".idx1-ubyte", "-ubyte");
        labels.setBorderTitle("Labels file (optional)");
        addDialogComponent(labels);
        closeCurrentGroup();

        createNewGroup("Download");
        addDialogComponent(new DialogComponentStringSelection(s.m_dataset, "Dataset",
            MnistDownloader.Dataset.MNIST.label(), MnistDownloader.Dataset.FASHION_MNIST.label()));
        addDialogComponent(new DialogComponentButtonGroup(s.m_split, "Split", false,
            SavedChoice.labels(MnistSplit.class), SavedChoice.keys(MnistSplit.class)));
        addDialogComponent(new DialogComponentString(s.m_baseUrl, "Base URL (empty: default mirror)", false, 40));
        DialogComponentFileChooser cache = new DialogComponentFileChooser(s.m_cacheDir, "vaenodes.cache",
            JFileChooser.OPEN_DIALOG, true);
        cache.setBorderTitle("Cache folder");
        addDialogComponent(cache);
        closeCurrentGroup();

        createNewGroup("Output");
        addDialogComponent(new DialogComponentNumber(s.m_maxRows, "Max rows (0 = all)", 1000, 10));
        addDialogComponent(new DialogComponentButtonGroup(s.m_pixelScale, "Pixel values", false,
            SavedChoice.labels(PixelScale.class), SavedChoice.keys(PixelScale.class)));
        closeCurrentGroup();
    }
}
