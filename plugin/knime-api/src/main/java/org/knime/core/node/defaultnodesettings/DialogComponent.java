package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DialogComponent}: the dialog side of a {@link SettingsModel}. The stand-in has no
 * Swing widgets; loading and saving go through the model as in KNIME.
 */
public abstract class DialogComponent {

    private final SettingsModel m_model;

    private PortObjectSpec[] m_lastSpecs;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("The settings model must not be null.");
        }
        m_model = model;
        model.prependChangeListener(e -> updateComponent());
    }

    public final SettingsModel getModel() {
        return m_model;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs == null ? null : specs.clone();
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        m_model.dlgSaveSettingsTo(settings);
    }

    protected final PortObjectSpec getLastTableSpec(final int portIdx) {
        return m_lastSpecs == null || portIdx >= m_lastSpecs.length ? null : m_lastSpecs[portIdx];
    }

    protected abstract void updateComponent();

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;
}
