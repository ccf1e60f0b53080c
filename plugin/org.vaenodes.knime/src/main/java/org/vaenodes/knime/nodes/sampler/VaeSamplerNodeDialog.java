package org.vaenodes.knime.nodes.sampler;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;

/** Dialog of the VAE Sampler. */
final class VaeSamplerNodeDialog extends DefaultNodeSettingsPane {

    VaeSamplerNodeDialog() {
        addDialogComponent(new DialogComponentButtonGroup(VaeSamplerNodeModel.createMode(), "Mode", true,
            new String[]{"Random samples z ~ N(0, I)", "Interpolation between two random points",
                "Traversal grid over two latent dimensions"},
            new String[]{VaeSamplerNodeModel.MODE_RANDOM, VaeSamplerNodeModel.MODE_INTERPOLATION,
                VaeSamplerNodeModel.MODE_TRAVERSAL}));
        addDialogComponent(new DialogComponentNumber(VaeSamplerNodeModel.createCount(),
            "Number of images (random, interpolation)", 8, 8));
        addDialogComponent(new DialogComponentNumberEdit(VaeSamplerNodeModel.createSeed(), "Random seed", 12));
        createNewGroup("Traversal");
        addDialogComponent(new DialogComponentNumber(VaeSamplerNodeModel.createDimX(), "Horizontal dimension", 1, 6));
        addDialogComponent(new DialogComponentNumber(VaeSamplerNodeModel.createDimY(), "Vertical dimension", 1, 6));
        addDialogComponent(new DialogComponentNumber(VaeSamplerNodeModel.createSteps(), "Steps per dimension", 1, 6));
        addDialogComponent(new DialogComponentNumber(VaeSamplerNodeModel.createRange(), "Range ±", 0.5, 6));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentBoolean(VaeSamplerNodeModel.createAppendPixels(),
            "Append pixel columns (px_*)"));
        addDialogComponent(new DialogComponentNumber(VaeSamplerNodeModel.createGridColumns(),
            "Images per row in the grid", 1, 6));
        closeCurrentGroup();
    }
}
