package org.vaenodes.knime.nodes.encoder;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;

/** Dialog of the VAE Encoder. */
final class VaeEncoderNodeDialog extends DefaultNodeSettingsPane {

    VaeEncoderNodeDialog() {
        VaeEncoderSettings s = new VaeEncoderSettings();
        s.m_input.addTo(this, true);
        addDialogComponent(new DialogComponentColumnFilter2(s.m_columns, 1));
        addDialogComponent(new DialogComponentBoolean(s.m_logStd,
            "Append latent log standard deviations (z_logstd_*)"));
    }
}
