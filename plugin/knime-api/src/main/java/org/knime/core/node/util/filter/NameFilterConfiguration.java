package org.knime.core.node.util.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Stand-in for KNIME's {@code NameFilterConfiguration}: include/exclude lists of names plus the option what to do
 * with names in neither list ({@link EnforceOption#EnforceExclusion}: include them, the default;
 * {@link EnforceOption#EnforceInclusion}: exclude them). Settings use KNIME's keys ({@code filter-type},
 * {@code included_names}, {@code excluded_names}, {@code enforce_option}, then the pattern page
 * {@code name_pattern}); in pattern mode the pattern page ({@link PatternFilterConfiguration}) decides.
 */
public class NameFilterConfiguration implements Cloneable {

    public static final int FILTER_BY_NAMEPATTERN = 1;

    protected static final String TYPE = "STANDARD";

    private static final String PATTERN_TYPE = PatternFilterConfiguration.TYPE;

    private static final String KEY_FILTER_TYPE = "filter-type";

    private static final String KEY_INCLUDED = "included_names";

    private static final String KEY_EXCLUDED = "excluded_names";

    private static final String KEY_ENFORCE = "enforce_option";

    private final String m_configRootName;

    private final boolean m_patternFilterEnabled;

    private String m_type = TYPE;

    private String[] m_includes = new String[0];

    private String[] m_excludes = new String[0];

    private String[] m_removedFromIncludes = new String[0];

    private String[] m_removedFromExcludes = new String[0];

    private EnforceOption m_enforceOption = EnforceOption.EnforceExclusion;

    private PatternFilterConfiguration m_patternConfig;

    /** What happens to names that are in neither list. */
    public enum EnforceOption {
        /** New names are excluded: only the include list is enforced. */
        EnforceInclusion,
        /** New names are included: only the exclude list is enforced. */
        EnforceExclusion;

        public static EnforceOption parse(final String name) throws InvalidSettingsException {
            for (EnforceOption o : values()) {
                if (o.name().equals(name)) {
                    return o;
                }
            }
            throw new InvalidSettingsException("Unknown enforce option: " + name);
        }

        public static EnforceOption parse(final String name, final EnforceOption defaultOption) {
            try {
                return parse(name);
            } catch (InvalidSettingsException e) {
                return defaultOption;
            }
        }
    }

    /** Names included and excluded by a configuration, plus listed names that no longer exist. */
    public static class FilterResult {

        private final String[] m_incl;

        private final String[] m_excl;

        private final String[] m_removedIncl;

        private final String[] m_removedExcl;

        public FilterResult(final List<String> includes, final List<String> excludes,
            final List<String> removedFromIncludes, final List<String> removedFromExcludes) {
            this(includes.toArray(new String[0]), excludes.toArray(new String[0]),
                removedFromIncludes.toArray(new String[0]), removedFromExcludes.toArray(new String[0]));
        }

        protected FilterResult(final String[] includes, final String[] excludes, final String[] removedFromIncludes,
            final String[] removedFromExcludes) {
            m_incl = includes;
            m_excl = excludes;
            m_removedIncl = removedFromIncludes;
            m_removedExcl = removedFromExcludes;
        }

        /** Included names, in the order of the input names. */
        public String[] getIncludes() {
            return m_incl;
        }

        /** Excluded names, in the order of the input names. */
        public String[] getExcludes() {
            return m_excl;
        }

        /** Names in the include list that are not among the input names. */
        public String[] getRemovedFromIncludes() {
            return m_removedIncl;
        }

        /** Names in the exclude list that are not among the input names. */
        public String[] getRemovedFromExcludes() {
            return m_removedExcl;
        }
    }

    public NameFilterConfiguration(final String configRootName) {
        this(configRootName, FILTER_BY_NAMEPATTERN);
    }

    public NameFilterConfiguration(final String configRootName, final int filterEnableMask) {
        if (configRootName == null || configRootName.isEmpty()) {
            throw new IllegalArgumentException("Config name must not be null or empty.");
        }
        m_configRootName = configRootName;
        m_patternFilterEnabled = (filterEnableMask & FILTER_BY_NAMEPATTERN) != 0;
        m_patternConfig = createPatternConfig();
    }

    protected PatternFilterConfiguration createPatternConfig() {
        return new PatternFilterConfiguration();
    }

    protected final PatternFilterConfiguration getPatternConfig() {
        return m_patternConfig;
    }

    /** Used by the filter panel when it saves the page the user left selected. */
    final void setType(final String type) throws InvalidSettingsException {
        if (type == null || !verifyType(type)) {
            throw new InvalidSettingsException("Invalid type identifier: " + type);
        }
        m_type = type;
    }

    public final String getConfigRootName() {
        return m_configRootName;
    }

    protected final String getType() {
        return m_type;
    }

    protected boolean verifyType(final String type) {
        return TYPE.equals(type) || (m_patternFilterEnabled && PATTERN_TYPE.equals(type));
    }

    protected String[] getIncludeList() {
        return m_includes;
    }

    protected void setIncludeList(final String[] includeList) {
        m_includes = includeList;
    }

    protected String[] getExcludeList() {
        return m_excludes;
    }

    protected void setExcludeList(final String[] excludeList) {
        m_excludes = excludeList;
    }

    protected String[] getRemovedFromIncludeList() {
        return m_removedFromIncludes;
    }

    protected void setRemovedFromIncludeList(final String[] names) {
        m_removedFromIncludes = names;
    }

    protected String[] getRemovedFromExcludeList() {
        return m_removedFromExcludes;
    }

    protected void setRemovedFromExcludeList(final String[] names) {
        m_removedFromExcludes = names;
    }

    protected EnforceOption getEnforceOption() {
        return m_enforceOption;
    }

    protected void setEnforceOption(final EnforceOption enforceOption) {
        m_enforceOption = enforceOption;
    }

    /** Applies the configuration to the given names (result keeps their order). */
    protected FilterResult applyTo(final String[] names) {
        if (PATTERN_TYPE.equals(m_type)) {
            return m_patternConfig.applyTo(names);
        }
        if (!TYPE.equals(m_type)) {
            throw new IllegalStateException("Unsupported filter type: " + m_type);
        }
        Set<String> incl = new LinkedHashSet<>(Arrays.asList(m_includes));
        incl.addAll(Arrays.asList(m_removedFromIncludes));
        Set<String> excl = new LinkedHashSet<>(Arrays.asList(m_excludes));
        excl.addAll(Arrays.asList(m_removedFromExcludes));
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (incl.remove(n)) {
                in.add(n);
                excl.remove(n);
            } else if (excl.remove(n)) {
                out.add(n);
            } else if (m_enforceOption == EnforceOption.EnforceExclusion) {
                in.add(n);
            } else {
                out.add(n);
            }
        }
        return new FilterResult(in, out, new ArrayList<>(incl), new ArrayList<>(excl));
    }

    public final void loadConfigurationInModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configRootName);
        String type = sub.getString(KEY_FILTER_TYPE);
        if (type == null || !verifyType(type)) {
            throw new InvalidSettingsException("Invalid filter type: " + type);
        }
        EnforceOption option = EnforceOption.parse(sub.getString(KEY_ENFORCE));
        String[] in = sub.getStringArray(KEY_INCLUDED);
        String[] ex = sub.getStringArray(KEY_EXCLUDED);
        m_type = type;
        m_enforceOption = option;
        m_includes = in == null ? new String[0] : in;
        m_excludes = ex == null ? new String[0] : ex;
        try {
            m_patternConfig.loadConfigurationInModel(sub.getNodeSettings(PATTERN_TYPE));
        } catch (InvalidSettingsException e) {
            // only a pattern filter needs its page; older settings have none
            if (PATTERN_TYPE.equals(m_type)) {
                throw e;
            }
        }
        loadConfigurationInModelChild(sub);
    }

    protected void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        // for subclasses
    }

    /** Loads what is there (defaults otherwise) and sorts the given names into the lists. */
    protected final void loadConfigurationInDialog(final NodeSettingsRO settings, final String[] names) {
        NodeSettingsRO sub;
        try {
            sub = settings.getNodeSettings(m_configRootName);
        } catch (InvalidSettingsException e) {
            sub = new NodeSettings("empty");
        }
        String type = sub.getString(KEY_FILTER_TYPE, TYPE);
        m_type = type != null && verifyType(type) ? type : TYPE;
        m_includes = orEmpty(sub.getStringArray(KEY_INCLUDED, new String[0]));
        m_excludes = orEmpty(sub.getStringArray(KEY_EXCLUDED, new String[0]));
        m_enforceOption = EnforceOption.parse(sub.getString(KEY_ENFORCE, null), EnforceOption.EnforceExclusion);
        NodeSettingsRO patternSettings;
        try {
            patternSettings = sub.getNodeSettings(PATTERN_TYPE);
        } catch (InvalidSettingsException e) {
            patternSettings = new NodeSettings("empty");
        }
        m_patternConfig.loadConfigurationInDialog(patternSettings);
        String keep = m_type;
        m_type = TYPE;
        FilterResult r = applyTo(names);
        m_type = keep;
        m_includes = r.getIncludes();
        m_excludes = r.getExcludes();
        if (m_enforceOption == EnforceOption.EnforceInclusion) {
            m_removedFromIncludes = r.getRemovedFromIncludes();
        } else {
            m_removedFromExcludes = r.getRemovedFromExcludes();
        }
        loadConfigurationInDialogChild(sub, names);
    }

    private static String[] orEmpty(final String[] a) {
        return a == null ? new String[0] : a;
    }

    protected void loadConfigurationInDialogChild(final NodeSettingsRO settings, final String[] names) {
        // for subclasses
    }

    public final void saveConfiguration(final NodeSettingsWO settings) {
        NodeSettingsWO sub = settings.addNodeSettings(m_configRootName);
        sub.addString(KEY_FILTER_TYPE, m_type);
        sub.addStringArray(KEY_INCLUDED, m_enforceOption == EnforceOption.EnforceInclusion
            ? concat(m_includes, m_removedFromIncludes) : m_includes);
        sub.addStringArray(KEY_EXCLUDED, m_enforceOption == EnforceOption.EnforceExclusion
            ? concat(m_excludes, m_removedFromExcludes) : m_excludes);
        sub.addString(KEY_ENFORCE, m_enforceOption.name());
        m_patternConfig.saveConfiguration(sub.addNodeSettings(PATTERN_TYPE));
        saveConfigurationChild(sub);
    }

    private static String[] concat(final String[] a, final String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        // for subclasses
    }

    @Override
    protected NameFilterConfiguration clone() {
        try {
            NameFilterConfiguration c = (NameFilterConfiguration)super.clone();
            c.m_includes = m_includes.clone();
            c.m_excludes = m_excludes.clone();
            c.m_removedFromIncludes = m_removedFromIncludes.clone();
            c.m_removedFromExcludes = m_removedFromExcludes.clone();
            c.m_patternConfig = m_patternConfig.clone();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (obj == null || obj.getClass() != getClass()) {
            return false;
        }
        NameFilterConfiguration o = (NameFilterConfiguration)obj;
        return m_configRootName.equals(o.m_configRootName) && m_type.equals(o.m_type)
            && m_enforceOption == o.m_enforceOption && Arrays.equals(m_includes, o.m_includes)
            && Arrays.equals(m_excludes, o.m_excludes)
            && Arrays.equals(m_removedFromIncludes, o.m_removedFromIncludes)
            && Arrays.equals(m_removedFromExcludes, o.m_removedFromExcludes)
            && m_patternConfig.equals(o.m_patternConfig);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * m_configRootName.hashCode() + Arrays.hashCode(m_includes)) + Arrays.hashCode(m_excludes);
    }

    @Override
    public String toString() {
        if (PATTERN_TYPE.equals(m_type)) {
            return m_patternConfig.toString();
        }
        return "Includes: " + String.join(", ", m_includes) + "\nExcludes: " + String.join(", ", m_excludes);
    }
}
