package org.knime.core.node.util.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Stand-in for KNIME's {@code PatternFilterConfiguration}: the "Wildcard/Regex selection" page of a name filter,
 * saved under {@value #TYPE} with the keys {@code pattern}, {@code type} ({@code Wildcard} or {@code Regex}),
 * {@code caseSensitive} and {@code excludeMatching}. The model load requires all four keys; the dialog load falls
 * back to the defaults (empty wildcard, case sensitive, matching names included). A name is included when the whole
 * name matches (inverted by {@code excludeMatching}).
 */
public class PatternFilterConfiguration implements Cloneable {

    public static final String TYPE = "name_pattern";

    private static final String KEY_PATTERN = "pattern";

    private static final String KEY_TYPE = "type";

    private static final String KEY_CASE_SENSITIVE = "caseSensitive";

    private static final String KEY_EXCLUDE_MATCHING = "excludeMatching";

    /** How the pattern is read. */
    enum PatternFilterType {
        /** {@code *} any run of characters, {@code ?} one character, everything else literal. */
        Wildcard,
        /** A {@link java.util.regex.Pattern}. */
        Regex
    }

    private String m_pattern = "";

    private PatternFilterType m_type = PatternFilterType.Wildcard;

    private boolean m_caseSensitive = true;

    private boolean m_excludeMatching = false;

    protected PatternFilterConfiguration() {
    }

    protected void loadConfigurationInModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        String pattern = settings.getString(KEY_PATTERN);
        String type = settings.getString(KEY_TYPE);
        PatternFilterType parsed;
        try {
            parsed = PatternFilterType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Unknown pattern type: " + type, e);
        }
        boolean caseSensitive = settings.getBoolean(KEY_CASE_SENSITIVE);
        boolean excludeMatching = settings.getBoolean(KEY_EXCLUDE_MATCHING);
        m_pattern = pattern;
        m_type = parsed;
        m_caseSensitive = caseSensitive;
        m_excludeMatching = excludeMatching;
    }

    protected void loadConfigurationInDialog(final NodeSettingsRO settings) {
        m_pattern = settings.getString(KEY_PATTERN, "");
        try {
            m_type = PatternFilterType.valueOf(settings.getString(KEY_TYPE, PatternFilterType.Wildcard.name()));
        } catch (IllegalArgumentException | NullPointerException e) {
            m_type = PatternFilterType.Wildcard;
        }
        m_caseSensitive = settings.getBoolean(KEY_CASE_SENSITIVE, true);
        m_excludeMatching = settings.getBoolean(KEY_EXCLUDE_MATCHING, false);
    }

    protected void saveConfiguration(final NodeSettingsWO settings) {
        settings.addString(KEY_PATTERN, m_pattern);
        settings.addString(KEY_TYPE, m_type.name());
        settings.addBoolean(KEY_CASE_SENSITIVE, m_caseSensitive);
        settings.addBoolean(KEY_EXCLUDE_MATCHING, m_excludeMatching);
    }

    /** Names that match go to the includes (to the excludes with "exclude matching"), in the given order. */
    public FilterResult applyTo(final String[] names) {
        Pattern p = compilePattern(m_pattern, m_type, m_caseSensitive);
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            boolean matches = p.matcher(n).matches();
            if (matches != m_excludeMatching) {
                in.add(n);
            } else {
                out.add(n);
            }
        }
        return new FilterResult(in, out, List.of(), List.of());
    }

    /** The regular expression for a pattern; an invalid regex matches nothing. */
    public static Pattern compilePattern(final String pattern, final PatternFilterType type,
        final boolean caseSensitive) {
        String regex = type == PatternFilterType.Wildcard ? wildcardToRegex(pattern) : pattern;
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            return Pattern.compile("(?!)");
        }
    }

    private static String wildcardToRegex(final String wildcard) {
        StringBuilder b = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    b.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                b.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            b.append(Pattern.quote(literal.toString()));
        }
        return b.toString();
    }

    /** The filter panel writes back what its pattern page shows. */
    void copyFrom(final PatternFilterConfiguration other) {
        m_pattern = other.m_pattern;
        m_type = other.m_type;
        m_caseSensitive = other.m_caseSensitive;
        m_excludeMatching = other.m_excludeMatching;
    }

    @Override
    protected PatternFilterConfiguration clone() {
        try {
            return (PatternFilterConfiguration)super.clone();
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
        PatternFilterConfiguration o = (PatternFilterConfiguration)obj;
        return m_pattern.equals(o.m_pattern) && m_type == o.m_type && m_caseSensitive == o.m_caseSensitive
            && m_excludeMatching == o.m_excludeMatching;
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_pattern, m_type, m_caseSensitive, m_excludeMatching);
    }

    @Override
    public String toString() {
        return m_type + " pattern \"" + m_pattern + "\"" + (m_caseSensitive ? "" : " (case insensitive)")
            + (m_excludeMatching ? " (matching names excluded)" : "");
    }
}
