package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.MissingCell;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Stand-in for KNIME's {@code Config}: a {@link ConfigBase} that can also hold KNIME data objects. The stand-in
 * stores cells of the standard types (int, long, double, string, boolean, missing, PNG image); row keys are stored
 * as strings and data types by {@link DataType#save}.
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    private static final long serialVersionUID = 1L;

    private static final String ARRAY_SIZE = "array-size";

    private static final String CELL_CLASS = "datacell";

    private static final String CELL_VALUE = "value";

    private static final String TYPE_IS_NULL = "is_null";

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" in config \"" + getKey() + "\" is no Config.");
        }
        return (Config)c;
    }

    @Override
    public void addEntry(final AbstractConfigEntry entry) {
        super.addEntry(entry);
    }

    // ------------------------------------------------------------------ DataCell

    @Override
    public void addDataCell(final String key, final DataCell cell) {
        Config c = addConfig(key);
        if (cell == null) {
            c.addString(CELL_CLASS, null);
            return;
        }
        c.addString(CELL_CLASS, cell.getClass().getName());
        if (cell.isMissing()) {
            c.addString(CELL_VALUE, ((MissingCell)cell).getError());
        } else if (cell instanceof IntCell) {
            c.addInt(CELL_VALUE, ((IntCell)cell).getIntValue());
        } else if (cell instanceof LongCell) {
            c.addLong(CELL_VALUE, ((LongCell)cell).getLongValue());
        } else if (cell instanceof DoubleCell) {
            c.addDouble(CELL_VALUE, ((DoubleCell)cell).getDoubleValue());
        } else if (cell instanceof StringCell) {
            c.addString(CELL_VALUE, ((StringCell)cell).getStringValue());
        } else if (cell instanceof BooleanCell) {
            c.addBoolean(CELL_VALUE, ((BooleanValue)cell).getBooleanValue());
        } else if (cell instanceof PNGImageValue) {
            c.addByteArray(CELL_VALUE, ((PNGImageValue)cell).getImageContent().getByteArrayReference());
        } else {
            throw new IllegalArgumentException(
                "The KNIME API stand-in cannot store cells of class " + cell.getClass().getName() + " in a config.");
        }
    }

    @Override
    public DataCell getDataCell(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        String cls = c.getString(CELL_CLASS);
        if (cls == null) {
            return null;
        }
        switch (cls) {
            case "org.knime.core.data.MissingCell":
                return new MissingCell(c.getString(CELL_VALUE, null));
            case "org.knime.core.data.def.IntCell":
                return new IntCell(c.getInt(CELL_VALUE));
            case "org.knime.core.data.def.LongCell":
                return new LongCell(c.getLong(CELL_VALUE));
            case "org.knime.core.data.def.DoubleCell":
                return new DoubleCell(c.getDouble(CELL_VALUE));
            case "org.knime.core.data.def.StringCell":
                return new StringCell(c.getString(CELL_VALUE));
            case "org.knime.core.data.def.BooleanCell":
                return c.getBoolean(CELL_VALUE) ? BooleanCell.TRUE : BooleanCell.FALSE;
            case "org.knime.core.data.image.png.PNGImageCell":
                return PNGImageCellFactory.create(c.getByteArray(CELL_VALUE));
            default:
                throw new InvalidSettingsException("Cannot restore a cell of class " + cls + " (key \"" + key + "\").");
        }
    }

    @Override
    public DataCell getDataCell(final String key, final DataCell def) {
        try {
            return getDataCell(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataCellArray(final String key, final DataCell... cells) {
        Config c = addConfig(key);
        if (cells != null) {
            c.addInt(ARRAY_SIZE, cells.length);
            for (int i = 0; i < cells.length; i++) {
                c.addDataCell(Integer.toString(i), cells[i]);
            }
        }
    }

    @Override
    public DataCell[] getDataCellArray(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (!c.containsKey(ARRAY_SIZE)) {
            return null;
        }
        DataCell[] r = new DataCell[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getDataCell(Integer.toString(i));
        }
        return r;
    }

    @Override
    public DataCell[] getDataCellArray(final String key, final DataCell... def) {
        try {
            return getDataCellArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ DataType

    @Override
    public void addDataType(final String key, final DataType type) {
        Config c = addConfig(key);
        if (type == null) {
            c.addBoolean(TYPE_IS_NULL, true);
        } else {
            type.save(c);
        }
    }

    @Override
    public DataType getDataType(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (c.getBoolean(TYPE_IS_NULL, false)) {
            return null;
        }
        return DataType.load(c);
    }

    @Override
    public DataType getDataType(final String key, final DataType def) {
        try {
            return getDataType(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDataTypeArray(final String key, final DataType... types) {
        Config c = addConfig(key);
        if (types != null) {
            c.addInt(ARRAY_SIZE, types.length);
            for (int i = 0; i < types.length; i++) {
                c.addDataType(Integer.toString(i), types[i]);
            }
        }
    }

    @Override
    public DataType[] getDataTypeArray(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (!c.containsKey(ARRAY_SIZE)) {
            return null;
        }
        DataType[] r = new DataType[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getDataType(Integer.toString(i));
        }
        return r;
    }

    @Override
    public DataType[] getDataTypeArray(final String key, final DataType... def) {
        try {
            return getDataTypeArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ RowKey

    @Override
    public void addRowKey(final String key, final RowKey rowKey) {
        addString(key, rowKey == null ? null : rowKey.getString());
    }

    @Override
    public RowKey getRowKey(final String key) throws InvalidSettingsException {
        String s = getString(key);
        return s == null ? null : new RowKey(s);
    }

    @Override
    public RowKey getRowKey(final String key, final RowKey def) {
        try {
            return getRowKey(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addRowKeyArray(final String key, final RowKey... rowKeys) {
        addStringArray(key, rowKeys == null ? null : RowKey.toStrings(rowKeys));
    }

    @Override
    public RowKey[] getRowKeyArray(final String key) throws InvalidSettingsException {
        String[] s = getStringArray(key);
        return s == null ? null : RowKey.toRowKeys(s);
    }

    @Override
    public RowKey[] getRowKeyArray(final String key, final RowKey... def) {
        try {
            return getRowKeyArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ XML, text

    @Override
    public void load(final InputStream is) throws IOException {
        super.load(is);
    }

    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        config.load(in);
        return config;
    }

    @Override
    public String toString() {
        return super.toString();
    }
}
