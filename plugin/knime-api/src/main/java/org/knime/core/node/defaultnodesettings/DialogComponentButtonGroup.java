package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.node.util.ButtonGroupEnumInterface;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentButtonGroup}: radio buttons for a string settings model (no Swing widgets in the stand-in). */
public class DialogComponentButtonGroup extends DialogComponent {

    private String m_toolTip;

    private final String m_label;

    private final List<String> m_actionCommands = new ArrayList<>();

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final boolean isVertical,
        final String label, final String... elements) {
        this(stringModel, label, isVertical, elements, elements);
    }

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean isVertical, final ButtonGroupEnumInterface[] elements) {
        super(stringModel);
        m_label = label;
        for (ButtonGroupEnumInterface e : elements) {
            m_actionCommands.add(e.getActionCommand());
        }
    }

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean isVertical, final String[] elements, final String[] actionCommands) {
        super(stringModel);
        if (elements.length != actionCommands.length) {
            throw new IllegalArgumentException("Need one action command per element.");
        }
        m_label = label;
        m_actionCommands.addAll(Arrays.asList(actionCommands));
    }

    /** The action commands offered (stand-in bookkeeping). */
    List<String> actionCommands() {
        return m_actionCommands;
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
    protected void validateSettingsBeforeSave() {
        // nothing to validate
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }
}
