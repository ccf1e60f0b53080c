package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/** Stand-in for KNIME's {@code BooleanCell}: use {@link #TRUE} and {@link #FALSE}. */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue,
    ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue, NominalValue {

    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    public static final BooleanCell TRUE = new BooleanCell(true);

    public static final BooleanCell FALSE = new BooleanCell(false);

    private final boolean m_value;

    private BooleanCell(final boolean value) {
        m_value = value;
    }

    /** @deprecated use {@link #TRUE}/{@link #FALSE} */
    @Deprecated
    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
    }

    @Override
    public double getRealValue() {
        return getIntValue();
    }

    @Override
    public double getImaginaryValue() {
        return 0.0;
    }

    @Override
    public double getMinSupport() {
        return getIntValue();
    }

    @Override
    public double getCore() {
        return getIntValue();
    }

    @Override
    public double getMaxSupport() {
        return getIntValue();
    }

    @Override
    public double getMinCore() {
        return getIntValue();
    }

    @Override
    public double getMaxCore() {
        return getIntValue();
    }

    @Override
    public double getCenterOfGravity() {
        return getIntValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }
}
