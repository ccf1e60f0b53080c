package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentBoolean}: a check box for a boolean settings model (no Swing widgets in the stand-in). */
public final class DialogComponentBoolean extends DialogComponent {

    private String m_toolTip;

    private final String m_label;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_label = label;
    }

    /** The tooltip last set (stand-in bookkeeping). */
    String toolTip() {
        return m_toolTip;
    }

    @Override
    public void setToolTipText(final String text) {
        m_toolTip = text;
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

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    /** Whether the box is ticked (the model's value). */
    public boolean isSelected() {
        return ((SettingsModelBoolean)getModel()).getBooleanValue();
    }
}
