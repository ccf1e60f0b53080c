package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentString}: a text field for a string settings model (no Swing widgets in the stand-in). */
public final class DialogComponentString extends DialogComponent {

    private final String m_label;

    private final boolean m_disallowEmpty;

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_label = label;
        m_disallowEmpty = disallowEmptyString;
    }

    @Override
    protected void updateComponent() {
        // no widgets to update
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String value = ((SettingsModelString)getModel()).getStringValue();
        if (m_disallowEmpty && (value == null || value.trim().isEmpty())) {
            throw new InvalidSettingsException("Please enter a value for \"" + m_label + "\".");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }
}
