package org.vaenodes.knime.nodes.reconstructor;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the VAE Reconstructor. */
final class VaeReconstructorNodeDialog extends DefaultNodeSettingsPane {

    VaeReconstructorNodeDialog() {
        addDialogComponent(new DialogComponentColumnFilter2(VaeReconstructorNodeModel.createColumns(), 1));
        addDialogComponent(new DialogComponentBoolean(VaeReconstructorNodeModel.createAppendPixels(),
            "Append reconstructed pixel columns (rec_px_*)"));
        addDialogComponent(new DialogComponentBoolean(VaeReconstructorNodeModel.createAppendLatent(),
            "Append latent means (z_mean_*)"));
        createNewGroup("Comparison image");
        addDialogComponent(new DialogComponentNumber(VaeReconstructorNodeModel.createGridImages(),
            "Images (first rows)", 8, 6));
        addDialogComponent(new DialogComponentNumber(VaeReconstructorNodeModel.createGridColumns(),
            "Images per row", 1, 6));
        closeCurrentGroup();
    }
}
