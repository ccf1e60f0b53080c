package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in for KNIME's {@code SettingsModelLongBounded}: a long setting restricted to [min, max]. Setting a value
 * outside throws {@link IllegalArgumentException}; loading or validating one throws
 * {@link InvalidSettingsException}.
 */
public class SettingsModelLongBounded extends SettingsModelLong {

    private final long m_min;

    private final long m_max;

    public SettingsModelLongBounded(final String configName, final long defaultValue, final long minValue,
        final long maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("The minimum (" + minValue + ") must not be larger than the maximum ("
                + maxValue + ").");
        }
        m_min = minValue;
        m_max = maxValue;
        if (!inRange(defaultValue)) {
            throw new IllegalArgumentException("The default value (" + defaultValue + ") of \"" + configName
                + "\" is out of bounds [" + minValue + ", " + maxValue + "].");
        }
    }

    private boolean inRange(final long value) {
        return value >= m_min && value <= m_max;
    }

    @Override
    protected SettingsModelLongBounded createClone() {
        SettingsModelLongBounded clone = new SettingsModelLongBounded(getConfigName(), getLongValue(), m_min, m_max);
        clone.setEnabled(isEnabled());
        return clone;
    }

    public long getLowerBound() {
        return m_min;
    }

    public long getUpperBound() {
        return m_max;
    }

    /** Throws {@link IllegalArgumentException} if the value is out of bounds. */
    @Override
    public void setLongValue(final long newValue) {
        if (!inRange(newValue)) {
            throw new IllegalArgumentException("Value " + newValue + " of \"" + getConfigName()
                + "\" is out of bounds [" + m_min + ", " + m_max + "].");
        }
        super.setLongValue(newValue);
    }

    @Override
    protected void validateValue(final long value) throws InvalidSettingsException {
        if (!inRange(value)) {
            throw new InvalidSettingsException("Value " + value + " of \"" + getConfigName()
                + "\" is out of bounds [" + m_min + ", " + m_max + "].");
        }
    }
}
