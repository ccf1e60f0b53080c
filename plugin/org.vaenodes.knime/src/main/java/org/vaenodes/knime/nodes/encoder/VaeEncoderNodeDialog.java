package org.vaenodes.knime.nodes.encoder;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;

/** Dialog of the VAE Encoder. */
final class VaeEncoderNodeDialog extends DefaultNodeSettingsPane {

    VaeEncoderNodeDialog() {
        addDialogComponent(new DialogComponentColumnFilter2(VaeEncoderNodeModel.createColumns(), 1));
        addDialogComponent(new DialogComponentBoolean(VaeEncoderNodeModel.createLogStd(),
            "Append latent log standard deviations (z_logstd_*)"));
    }
}
