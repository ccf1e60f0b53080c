package org.vaenodes.knime.nodes.sampler;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;

import org.vaenodes.knime.nodes.SavedChoice;

/** Dialog of the VAE Sampler. */
final class VaeSamplerNodeDialog extends DefaultNodeSettingsPane {

    VaeSamplerNodeDialog() {
        VaeSamplerSettings s = new VaeSamplerSettings();
        addDialogComponent(new DialogComponentButtonGroup(s.m_mode, "Mode", true,
            SavedChoice.labels(SamplerMode.class), SavedChoice.keys(SamplerMode.class)));
        addDialogComponent(new DialogComponentNumber(s.m_count, "Number of images (random, interpolation)", 8, 8));
        addDialogComponent(new DialogComponentNumberEdit(s.m_seed, "Random seed", 12));
        createNewGroup("Traversal");
        addDialogComponent(new DialogComponentNumber(s.m_dimX, "Horizontal dimension", 1, 6));
        addDialogComponent(new DialogComponentNumber(s.m_dimY, "Vertical dimension", 1, 6));
        addDialogComponent(new DialogComponentNumber(s.m_steps, "Steps per dimension", 1, 6));
        addDialogComponent(new DialogComponentNumber(s.m_range, "Range ±", 0.5, 6));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentBoolean(s.m_appendPixels, "Append pixel columns (px_*)"));
        addDialogComponent(new DialogComponentNumber(s.m_gridColumns, "Images per row in the grid", 1, 6));
        closeCurrentGroup();
    }
}
