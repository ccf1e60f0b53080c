package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentNumberEdit}: a number text field for a numeric settings model (no Swing widgets in the stand-in). */
public class DialogComponentNumberEdit extends DialogComponent {

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label,
        final int compWidth) {
        super(numberModel);
    }

    @Override
    protected void updateComponent() {
        // no widgets to update
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // nothing to validate
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }
}
