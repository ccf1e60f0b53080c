package org.knime.core.node.util.filter;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.filter.NameFilterConfiguration.EnforceOption;

/**
 * Stand-in for KNIME's {@code NameFilterPanel}, without widgets: what the panel shows after
 * {@link #loadConfiguration} and writes back in {@link #saveConfiguration} when the user changes nothing. KNIME's
 * panel shows the include and exclude lists as the configuration's dialog load sorted them (also while the name
 * pattern page is selected), keeps names that are listed but missing from the input as "invalid" entries, and on
 * save writes the lists, the invalid entries, the enforce option, the page that is selected and the pattern page.
 */
@SuppressWarnings("serial")
public abstract class NameFilterPanel<T> extends JPanel {

    private boolean m_loaded;

    private String m_type;

    private String[] m_includes = new String[0];

    private String[] m_excludes = new String[0];

    private String[] m_invalidIncludes = new String[0];

    private String[] m_invalidExcludes = new String[0];

    private EnforceOption m_enforceOption = EnforceOption.EnforceExclusion;

    private PatternFilterConfiguration m_pattern = new PatternFilterConfiguration();

    protected NameFilterPanel() {
    }

    /** Shows the configuration, whose dialog load has already sorted {@code names} into its lists. */
    public void loadConfiguration(final NameFilterConfiguration config, final String[] names) {
        m_type = config.getType();
        m_includes = config.getIncludeList().clone();
        m_excludes = config.getExcludeList().clone();
        m_invalidIncludes = config.getRemovedFromIncludeList().clone();
        m_invalidExcludes = config.getRemovedFromExcludeList().clone();
        m_enforceOption = config.getEnforceOption();
        m_pattern = config.getPatternConfig().clone();
        m_loaded = true;
    }

    /** Writes what the panel shows into {@code config}; does nothing if the panel never showed a configuration. */
    public void saveConfiguration(final NameFilterConfiguration config) {
        if (!m_loaded) {
            return;
        }
        config.setIncludeList(m_includes.clone());
        config.setExcludeList(m_excludes.clone());
        config.setRemovedFromIncludeList(m_invalidIncludes.clone());
        config.setRemovedFromExcludeList(m_invalidExcludes.clone());
        config.setEnforceOption(m_enforceOption);
        config.getPatternConfig().copyFrom(m_pattern);
        try {
            config.setType(m_type);
        } catch (InvalidSettingsException e) {
            // KNIME keeps the configuration's own type when the panel's is not valid for it
        }
    }
}
