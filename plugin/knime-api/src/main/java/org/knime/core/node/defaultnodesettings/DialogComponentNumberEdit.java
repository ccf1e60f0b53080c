package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentNumberEdit}: a number text field for a numeric settings model (no Swing widgets in the stand-in). */
public class DialogComponentNumberEdit extends DialogComponent {

    private String m_toolTip;

    private final String m_label;

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label) {
        this(numberModel, label, 10);
    }

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label,
        final int compWidth) {
        super(numberModel);
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

    public void setSizeComponents(final int width, final int height) {
        // no widgets
    }
}
