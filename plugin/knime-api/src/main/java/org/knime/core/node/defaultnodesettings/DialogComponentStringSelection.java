package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentStringSelection}: a combo box offering strings for a string settings model (no Swing widgets in the stand-in). */
public final class DialogComponentStringSelection extends DialogComponent {

    private final String m_label;

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, list == null ? null : Arrays.asList(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false);
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("The selection list must not be empty.");
        }
        m_label = label;
    }

    @Override
    protected void updateComponent() {
        // no widgets to update
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (((SettingsModelString)getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list \"" + m_label + "\".");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }
}
