package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in for KNIME's {@code SettingsModelDoubleBounded}: a double setting restricted to [min, max]. Setting a value
 * outside throws {@link IllegalArgumentException}; loading or validating one throws
 * {@link InvalidSettingsException}.
 */
public class SettingsModelDoubleBounded extends SettingsModelDouble {

    private final double m_min;

    private final double m_max;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
        final double maxValue) {
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

    private boolean inRange(final double value) {
        return value >= m_min && value <= m_max;
    }

    /** Throws {@link IllegalArgumentException} if the value is out of bounds. */
    @Override
    public void setDoubleValue(final double newValue) {
        if (!inRange(newValue)) {
            throw new IllegalArgumentException("Value " + newValue + " of \"" + getConfigName()
                + "\" is out of bounds [" + m_min + ", " + m_max + "].");
        }
        super.setDoubleValue(newValue);
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
        if (!inRange(value)) {
            throw new InvalidSettingsException("Value " + value + " of \"" + getConfigName()
                + "\" is out of bounds [" + m_min + ", " + m_max + "].");
        }
    }
}
