package org.vaenodes.knime.nodes.reconstructor;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the VAE Reconstructor. */
final class VaeReconstructorNodeDialog extends DefaultNodeSettingsPane {

    VaeReconstructorNodeDialog() {
        VaeReconstructorSettings s = new VaeReconstructorSettings();
        s.m_input.addTo(this, true);
        addDialogComponent(new DialogComponentColumnFilter2(s.m_columns, 1));
        addDialogComponent(new DialogComponentBoolean(s.m_appendPixels,
            "Append reconstructed pixel columns (rec_px_*)"));
        addDialogComponent(new DialogComponentBoolean(s.m_appendLatent, "Append latent means (z_mean_*)"));
        createNewGroup("Comparison image");
        addDialogComponent(new DialogComponentNumber(s.m_gridImages, "Images (first rows)", 8, 6));
        addDialogComponent(new DialogComponentNumber(s.m_gridColumns, "Images per row", 1, 6));
        closeCurrentGroup();
    }
}
