package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code NodeDialogPane}: a classic Swing node dialog, without Swing. Settings go through
 * {@link #loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])} and {@link #saveSettingsTo(NodeSettingsWO)}.
 */
public abstract class NodeDialogPane {

    protected NodeDialogPane() {
    }

    /** By default throws: dialogs override this or the {@code PortObjectSpec[]} variant. */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException(getClass().getSimpleName() + " does not implement loadSettingsFrom.");
    }

    /** By default delegates to the {@code DataTableSpec[]} variant (all ports must be data ports). */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException(getClass().getSimpleName() + " has non-data input ports and must "
                    + "override loadSettingsFrom(NodeSettingsRO, PortObjectSpec[]).");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    /** What KNIME calls when OK/Apply is pressed. */
    public final void finishEditingAndSaveSettingsTo(final NodeSettingsWO settings)
        throws InvalidSettingsException {
        saveSettingsTo(settings);
    }
}
