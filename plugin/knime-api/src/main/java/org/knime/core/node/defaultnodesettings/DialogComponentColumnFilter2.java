package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentColumnFilter2}: an include/exclude column list for a column filter settings model (no Swing widgets in the stand-in). */
public class DialogComponentColumnFilter2 extends DialogComponent {

    private String m_toolTip;

    private String m_includeTitle = "Include";

    private String m_excludeTitle = "Exclude";

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex) {
        this(model, inPortIndex, true);
    }

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex,
        final boolean showLineBorder) {
        super(model);
        model.setInputPortIndex(inPortIndex);
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

    public void setIncludeTitle(final String title) {
        m_includeTitle = title;
    }

    public void setExcludeTitle(final String title) {
        m_excludeTitle = title;
    }
}
