package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentNumber}: a number spinner for a numeric settings model (no Swing widgets in the stand-in). */
public class DialogComponentNumber extends DialogComponent {

    private String m_toolTip;

    private final String m_label;

    private final Number m_step;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        m_label = label;
        m_step = stepSize;
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
}
