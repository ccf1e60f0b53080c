package org.vaenodes.knime.nodes.learner;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.vaenodes.engine.model.ReconstructionLoss;

/** Dialog of the VAE Learner: Input, Architecture, Training and Advanced tabs. */
final class VaeLearnerNodeDialog extends DefaultNodeSettingsPane {

    VaeLearnerNodeDialog() {
        VaeLearnerSettings s = new VaeLearnerSettings();
        setDefaultTabTitle("Input");
        s.m_input.addTo(this, true);
        addDialogComponent(new DialogComponentColumnFilter2(s.m_columns, 0));
        createNewGroup("Image size");
        addDialogComponent(new DialogComponentBoolean(s.m_sizeFromProperties, "Image size from column properties"));
        setHorizontalPlacement(true);
        addDialogComponent(new DialogComponentNumber(s.m_height, "Height", 1, 6));
        addDialogComponent(new DialogComponentNumber(s.m_width, "Width", 1, 6));
        setHorizontalPlacement(false);
        closeCurrentGroup();

        createNewTab("Architecture");
        addDialogComponent(new DialogComponentNumber(s.m_latent, "Latent size", 1, 6));
        addDialogComponent(new DialogComponentNumber(s.m_kernel, "Kernel size", 1, 6));
        addDialogComponent(new DialogComponentString(s.m_encoderFilters, "Encoder filters (per layer)", true, 20));
        addDialogComponent(new DialogComponentString(s.m_encoderStrides, "Encoder strides (per layer)", true, 20));
        addDialogComponent(new DialogComponentNumber(s.m_decoderHidden, "Decoder dense units", 1, 6));
        addDialogComponent(new DialogComponentString(s.m_decoderFilters, "Decoder filters (per layer)", true, 20));
        addDialogComponent(new DialogComponentString(s.m_decoderStrides, "Decoder strides (per layer)", true, 20));
        addDialogComponent(new DialogComponentNumber(s.m_leakyAlpha, "Leaky ReLU slope", 0.05, 6));

        createNewTab("Training");
        addDialogComponent(new DialogComponentNumber(s.m_iterations, "Iterations", 1000, 8));
        addDialogComponent(new DialogComponentNumber(s.m_batchSize, "Batch size", 16, 6));
        addDialogComponent(new DialogComponentNumberEdit(s.m_learningRate, "Learning rate (Adam)", 10));
        addDialogComponent(new DialogComponentNumber(s.m_keepProbability, "Dropout keep probability", 0.05, 6));
        addDialogComponent(new DialogComponentStringSelection(s.m_loss, "Reconstruction loss",
            ReconstructionLoss.SUM_SQUARED.name(), ReconstructionLoss.BERNOULLI.name()));
        addDialogComponent(new DialogComponentNumber(s.m_klWeight, "KL weight β", 0.1, 6));

        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumberEdit(s.m_seed, "Random seed", 12));
        addDialogComponent(new DialogComponentNumber(s.m_threads, "Threads (0 = all cores)", 1, 6));
    }
}
