package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModel}: one setting of a node, shared by its model and dialog. Besides the
 * value (saved under the config name) it saves {@code <configName>_Internals} with the model type id and the
 * enabled state, as KNIME does.
 */
public abstract class SettingsModel {

    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    public SettingsModel() {
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    public boolean isEnabled() {
        return m_enabled;
    }

    /** Changes the enabled state and notifies the listeners if it changed. */
    public void setEnabled(final boolean enabled) {
        if (m_enabled != enabled) {
            m_enabled = enabled;
            notifyChangeListeners();
        }
    }

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    /** Saves the value and the internals (model id, enabled state). */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveSettingsForModel(settings);
        saveInternals(settings);
    }

    /** Throws if the settings do not hold a valid value; changes nothing. */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateSettingsForModel(settings);
    }

    /** Loads the value (and the enabled state, if the internals are there). */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        loadSettingsForModel(settings);
        loadInternals(settings);
    }

    /** A copy holding the value from the settings (validated first). */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        validateSettingsForModel(settings);
        T clone = createClone();
        clone.loadSettingsForModel(settings);
        return clone;
    }

    /** Used by dialog components. */
    void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        loadSettingsForDialog(settings, specs);
        try {
            loadInternals(settings);
        } catch (InvalidSettingsException e) {
            // the dialog keeps the current enabled state
        }
    }

    /** Used by dialog components. */
    void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForDialog(settings);
        saveInternals(settings);
    }

    private void saveInternals(final NodeSettingsWO settings) {
        NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }

    private void loadInternals(final NodeSettingsRO settings) throws InvalidSettingsException {
        String key = getConfigName() + CFGKEY_INTERNAL;
        if (!settings.containsKey(key)) {
            return;
        }
        NodeSettingsRO internals = settings.getNodeSettings(key);
        String id = internals.getString(CFGKEY_MODELID, null);
        if (id != null && !id.equals(getModelTypeID())) {
            throw new InvalidSettingsException("Settings \"" + getConfigName() + "\" were saved by a " + id
                + " model, not a " + getModelTypeID() + " model.");
        }
        setEnabled(internals.getBoolean(CFGKEY_ENABLESTAT, m_enabled));
    }
}
