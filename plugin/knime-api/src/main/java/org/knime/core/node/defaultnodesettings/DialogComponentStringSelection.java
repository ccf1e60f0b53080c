package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentStringSelection}: a combo box offering strings for a string settings model (no Swing widgets in the stand-in). */
public final class DialogComponentStringSelection extends DialogComponent {

    private String m_toolTip;

    private final String m_label;

    private final List<String> m_options = new ArrayList<>();

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
        m_options.addAll(list);
    }

    /** The options offered (stand-in bookkeeping). */
    List<String> options() {
        return m_options;
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
        if (((SettingsModelString)getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list \"" + m_label + "\".");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    /** Replaces the options; selects {@code select} or, if the current value is no longer offered, the first. */
    public void replaceListItems(final Collection<String> newItems, final String select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new IllegalArgumentException("The selection list must not be empty.");
        }
        m_options.clear();
        m_options.addAll(newItems);
        SettingsModelString model = (SettingsModelString)getModel();
        if (select != null) {
            model.setStringValue(select);
        } else if (!m_options.contains(model.getStringValue())) {
            model.setStringValue(m_options.get(0));
        }
    }
}
