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

    /** As KNIME: the enabled state is saved with the value; a change notifies the listeners (the dialog). */
    public void setEnabled(final boolean enabled) {
        boolean changed = m_enabled != enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    /** Saves {@code <configName>_Internals} (model id, enabled state) first, then the value, as KNIME does. */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveInternals(settings);
        saveSettingsForModel(settings);
    }

    /**
     * Throws if the settings do not hold a valid value; changes nothing. As in KNIME, the value of a model that was
     * disabled when it was saved is not checked.
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean before = m_enabled;
        loadInternals(settings);
        boolean savedEnabled = m_enabled;
        m_enabled = before;
        if (savedEnabled) {
            validateSettingsForModel(settings);
        }
    }

    /**
     * Loads the enabled state (if the internals are there), then the value; a failing value load is ignored when
     * the model is disabled, as in KNIME.
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        loadInternals(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    /** Used by dialog components: internals if readable (anything else is ignored), then the value. */
    void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadInternals(settings);
        } catch (InvalidSettingsException e) {
            // the dialog loads anything, also empty settings, and keeps the current enabled state
        }
        loadSettingsForDialog(settings, specs);
    }

    /** Used by dialog components: internals first, then the value (whose errors count only when enabled). */
    void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveInternals(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    private void saveInternals(final NodeSettingsWO settings) {
        NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }

    /**
     * As KNIME: missing internals are ignored (older settings); present ones must hold the model id and the
     * enabled state; an id of another model type is a coding error that fails an assertion (KNIME runs its
     * tests and many developer installs with {@code -ea}).
     */
    private void loadInternals(final NodeSettingsRO settings) throws InvalidSettingsException {
        String key = getConfigName() + CFGKEY_INTERNAL;
        if (!settings.containsKey(key)) {
            return;
        }
        NodeSettingsRO internals = settings.getNodeSettings(key);
        String id = internals.getString(CFGKEY_MODELID);
        m_enabled = internals.getBoolean(CFGKEY_ENABLESTAT);
        assert getModelTypeID().equals(id) : "Incorrect Implementation: the settings model that wrote the values "
            + "differs from the one that reads them (WriteID = " + id + ", ReadID = " + getModelTypeID()
            + ", reading settings model: " + this + ")";
    }
}
