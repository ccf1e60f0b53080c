package org.vaenodes.knime.nodes.learner;

import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.engine.model.ReconstructionLoss;

/**
 * Dialog of the VAE Learner: Input, Architecture, Training, Advanced, and Stopping and snapshots tabs. While a VAE
 * Model is connected to the second input its architecture is used, and the architecture options are disabled.
 */
final class VaeLearnerNodeDialog extends DefaultNodeSettingsPane {

    /** Title of the architecture options' group; it says when they do not apply. */
    static final String ARCHITECTURE_GROUP = "Architecture of a new model (disabled while a VAE Model is connected "
        + "to the second input: training continues that model with its architecture)";

    private final VaeLearnerSettings m_settings;

    VaeLearnerNodeDialog() {
        VaeLearnerSettings s = new VaeLearnerSettings();
        m_settings = s;
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
        createNewGroup(ARCHITECTURE_GROUP);
        addDialogComponent(new DialogComponentNumber(s.m_latent, "Latent size", 1, 6));
        addDialogComponent(new DialogComponentNumber(s.m_kernel, "Kernel size", 1, 6));
        addDialogComponent(new DialogComponentString(s.m_encoderFilters, "Encoder filters (per layer)", true, 20));
        addDialogComponent(new DialogComponentString(s.m_encoderStrides, "Encoder strides (per layer)", true, 20));
        addDialogComponent(new DialogComponentNumber(s.m_decoderHidden, "Decoder dense units", 1, 6));
        addDialogComponent(new DialogComponentString(s.m_decoderFilters, "Decoder filters (per layer)", true, 20));
        addDialogComponent(new DialogComponentString(s.m_decoderStrides, "Decoder strides (per layer)", true, 20));
        addDialogComponent(new DialogComponentNumber(s.m_leakyAlpha, "Leaky ReLU slope", 0.05, 6));
        closeCurrentGroup();

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

        // in the order of the settings (VaeLearnerSettings.all()), so a dialog save lists them as the node does
        createNewTab("Stopping and snapshots");
        createNewGroup("Stop criteria (the node ends with the model trained so far and a warning)");
        addDialogComponent(new DialogComponentNumber(s.m_timeLimitMinutes, "Time limit in minutes (0 = none)", 10,
            8));
        addDialogComponent(new DialogComponentNumber(s.m_validationShare,
            "Validation share of the rows (0 = none; the split is drawn from the random seed)", 0.05, 6));
        addDialogComponent(new DialogComponentBoolean(s.m_earlyStopping,
            "Early stopping on the validation loss (keeps the best model; needs validation and snapshots)"));
        addDialogComponent(new DialogComponentNumber(s.m_patience, "Patience (snapshots without improvement)", 1,
            6));
        addDialogComponent(new DialogComponentNumberEdit(s.m_minImprovement, "Minimum improvement", 10));
        closeCurrentGroup();
        createNewGroup("Snapshots: losses, inputs over reconstructions and samples, at the third output");
        addDialogComponent(new DialogComponentNumber(s.m_snapshotEvery, "Snapshot every N iterations (0 = off)",
            1000, 8));
        closeCurrentGroup();
    }

    /** A connected model decides the architecture: its options are disabled (and say so in their group title). */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        int in = VaeLearnerNodeModel.MODEL_IN;
        boolean modelConnected = specs.length > in && specs[in] != null;
        for (SettingsModel m : m_settings.architecture()) {
            m.setEnabled(!modelConnected);
        }
    }

    /** The settings models behind the components (for tests). */
    VaeLearnerSettings settings() {
        return m_settings;
    }
}
