package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentButtonGroup}: radio buttons for a string settings model (no Swing widgets in the stand-in). */
public class DialogComponentButtonGroup extends DialogComponent {

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean isVertical, final String[] elements, final String[] actionCommands) {
        super(stringModel);
        if (elements.length != actionCommands.length) {
            throw new IllegalArgumentException("Need one action command per element.");
        }
    }

    @Override
    protected void updateComponent() {
        // no widgets to update
    }

    @Override
    protected void validateSettingsBeforeSave() {
        // nothing to validate
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // always configurable
    }
}
