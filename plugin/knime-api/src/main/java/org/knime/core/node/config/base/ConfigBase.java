package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigValueEntry.Kind;

/**
 * Stand-in for KNIME's {@code ConfigBase}: an ordered, in-memory tree of typed entries and sub-configs.
 * <p>
 * Behaviour follows KNIME: getters without a default throw {@link InvalidSettingsException} when the key is
 * missing or holds another type; getters with a default return the default then; adding an existing key replaces
 * the entry; arrays are stored as a sub-config with an {@code array-size} entry and entries {@code "0"},
 * {@code "1"}, ... (a {@code null} array is a sub-config without {@code array-size}). {@link #saveToXML} writes
 * KNIME's settings XML layout ({@code <config key=..>}, {@code <entry key=.. type="xint" value=..>}).
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private static final long serialVersionUID = 1L;

    private static final String ARRAY_SIZE = "array-size";

    private final LinkedHashMap<String, AbstractConfigEntry> m_map = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        super(key);
    }

    /** Creates an empty config of this config's own class (used for sub-configs). */
    public abstract ConfigBase getInstance(String key);

    // ------------------------------------------------------------------ entry access

    protected void put(final AbstractConfigEntry entry) {
        entry.setParent(this);
        m_map.put(entry.getKey(), entry);
    }

    void clearEntries() {
        m_map.clear();
    }

    Iterable<AbstractConfigEntry> entries() {
        return m_map.values();
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    private void putValue(final String key, final Kind kind, final Object value) {
        put(new ConfigValueEntry(key, kind, value));
    }

    private Object value(final String key, final Kind kind) throws InvalidSettingsException {
        AbstractConfigEntry e = m_map.get(key);
        if (e == null) {
            throw new InvalidSettingsException(
                "No " + describe(kind) + " for key \"" + key + "\" in config \"" + getKey() + "\".");
        }
        if (!(e instanceof ConfigValueEntry) || ((ConfigValueEntry)e).kind() != kind) {
            throw new InvalidSettingsException(
                "Entry \"" + key + "\" in config \"" + getKey() + "\" is not of type " + describe(kind) + ".");
        }
        return ((ConfigValueEntry)e).value();
    }

    private static String describe(final Kind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    // ------------------------------------------------------------------ sub-configs

    @Override
    public final ConfigBase addConfigBase(final String key) {
        ConfigBase sub = getInstance(key);
        put(sub);
        return sub;
    }

    protected final void addConfigBase(final ConfigBase config) {
        put(config);
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        AbstractConfigEntry e = m_map.get(key);
        if (e == null) {
            throw new InvalidSettingsException("No config for key \"" + key + "\" in config \"" + getKey() + "\".");
        }
        if (!(e instanceof ConfigBase)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" in config \"" + getKey() + "\" is no config.");
        }
        return (ConfigBase)e;
    }

    private ConfigBase newArray(final String key, final int length) {
        ConfigBase sub = addConfigBase(key);
        if (length >= 0) {
            sub.putValue(ARRAY_SIZE, Kind.INT, length);
        }
        return sub;
    }

    /** Size of the array stored under key, -1 for a null array; throws if there is none. */
    private int arraySize(final ConfigBase array) throws InvalidSettingsException {
        if (!array.containsKey(ARRAY_SIZE)) {
            return -1;
        }
        return (Integer)array.value(ARRAY_SIZE, Kind.INT);
    }

    // ------------------------------------------------------------------ int

    @Override
    public void addInt(final String key, final int value) {
        putValue(key, Kind.INT, value);
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return (Integer)value(key, Kind.INT);
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ double

    @Override
    public void addDouble(final String key, final double value) {
        putValue(key, Kind.DOUBLE, value);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return (Double)value(key, Kind.DOUBLE);
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ float

    @Override
    public void addFloat(final String key, final float value) {
        putValue(key, Kind.FLOAT, value);
    }

    // ------------------------------------------------------------------ char

    @Override
    public void addChar(final String key, final char value) {
        putValue(key, Kind.CHAR, value);
    }

    // ------------------------------------------------------------------ short

    @Override
    public void addShort(final String key, final short value) {
        putValue(key, Kind.SHORT, value);
    }

    // ------------------------------------------------------------------ long

    @Override
    public void addLong(final String key, final long value) {
        putValue(key, Kind.LONG, value);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return (Long)value(key, Kind.LONG);
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ byte

    @Override
    public void addByte(final String key, final byte value) {
        putValue(key, Kind.BYTE, value);
    }

    // ------------------------------------------------------------------ boolean

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(key, Kind.BOOLEAN, value);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return (Boolean)value(key, Kind.BOOLEAN);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ String

    @Override
    public void addString(final String key, final String value) {
        putValue(key, Kind.STRING, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return (String)value(key, Kind.STRING);
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        ConfigBase a = newArray(key, values == null ? -1 : values.length);
        for (int i = 0; values != null && i < values.length; i++) {
            a.addString(Integer.toString(i), values[i]);
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase a = getConfigBase(key);
        int n = arraySize(a);
        if (n < 0) {
            return null;
        }
        String[] r = new String[n];
        for (int i = 0; i < n; i++) {
            r[i] = a.getString(Integer.toString(i));
        }
        return r;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ------------------------------------------------------------------ passwords, transient strings

    /** The stand-in keeps the password as given (no encryption; it is never shipped). */
    @Override
    public void addPassword(final String key, final String encryptionKey, final String value) {
        putValue(key, Kind.PASSWORD, value);
    }

    /** Transient strings live in memory only: {@link #saveToXML} leaves them out. */
    @Override
    public void addTransientString(final String key, final String value) {
        putValue(key, Kind.TRANSIENT_STRING, value);
    }

    // ------------------------------------------------------------------ copy, compare

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        for (AbstractConfigEntry e : m_map.values()) {
            String key = e.getKey();
            if (e instanceof ConfigBase) {
                ((ConfigBase)e).copyTo(dest.addConfigBase(key));
                continue;
            }
            ConfigValueEntry v = (ConfigValueEntry)e;
            Object o = v.value();
            switch (v.kind()) {
                case INT:
                    dest.addInt(key, (Integer)o);
                    break;
                case LONG:
                    dest.addLong(key, (Long)o);
                    break;
                case DOUBLE:
                    dest.addDouble(key, (Double)o);
                    break;
                case FLOAT:
                    dest.addFloat(key, (Float)o);
                    break;
                case SHORT:
                    dest.addShort(key, (Short)o);
                    break;
                case BYTE:
                    dest.addByte(key, (Byte)o);
                    break;
                case CHAR:
                    dest.addChar(key, (Character)o);
                    break;
                case BOOLEAN:
                    dest.addBoolean(key, (Boolean)o);
                    break;
                case STRING:
                    dest.addString(key, (String)o);
                    break;
                case PASSWORD:
                    dest.addPassword(key, null, (String)o);
                    break;
                case TRANSIENT_STRING:
                    dest.addTransientString(key, (String)o);
                    break;
                default:
                    throw new IllegalStateException("Unknown entry kind " + v.kind());
            }
        }
    }

    public boolean hasIdenticalValue(final AbstractConfigEntry other) {
        if (!(other instanceof ConfigBase)) {
            return false;
        }
        Map<String, AbstractConfigEntry> o = ((ConfigBase)other).m_map;
        if (!o.keySet().equals(m_map.keySet())) {
            return false;
        }
        for (Map.Entry<String, AbstractConfigEntry> e : m_map.entrySet()) {
            if (!e.getValue().isIdentical(o.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean sameValueAs(final AbstractConfigEntry other) {
        return hasIdenticalValue(other);
    }

    @Override
    int valueHash() {
        int h = 0;
        for (AbstractConfigEntry e : m_map.values()) {
            h += e.hashCode();
        }
        return h;
    }

    // ------------------------------------------------------------------ tree node

    @Override
    public final Enumeration<TreeNode> children() {
        return Collections.enumeration(new ArrayList<TreeNode>(m_map.values()));
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return new ArrayList<>(m_map.values()).get(childIndex);
    }

    @Override
    public int getChildCount() {
        return m_map.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        return new ArrayList<TreeNode>(m_map.values()).indexOf(node);
    }

    @Override
    public final boolean isLeaf() {
        return m_map.isEmpty();
    }

    // ------------------------------------------------------------------ XML, text

    /** Writes this config as KNIME settings XML; the stream is closed at the end (as in KNIME). */
    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        XmlConfigCodec.write(this, os);
    }

    /** Replaces this config's entries (and key) by those read from the XML stream; the stream is closed. */
    public void load(final InputStream is) throws IOException {
        XmlConfigCodec.read(this, is);
    }

    @Override
    public final String toStringValue() {
        return toString();
    }

    public final void toString(final StringBuffer buffer) {
        appendTo(buffer, 0);
    }

    private void appendTo(final StringBuffer buf, final int indent) {
        String pad = "  ".repeat(indent);
        buf.append(pad).append(getKey()).append(":\n");
        for (AbstractConfigEntry e : m_map.values()) {
            if (e instanceof ConfigBase) {
                ((ConfigBase)e).appendTo(buf, indent + 1);
            } else {
                buf.append(pad).append("  ").append(e.getKey()).append(" -> ").append(e.toStringValue()).append('\n');
            }
        }
    }

    @Override
    public String toString() {
        StringBuffer buf = new StringBuffer();
        toString(buf);
        return buf.toString();
    }
}
