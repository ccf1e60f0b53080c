package org.knime.core.node.config.base;

import java.util.Objects;

/** A leaf entry: one typed value (the stand-in's single replacement for KNIME's ConfigXXXEntry classes). */
final class ConfigValueEntry extends AbstractConfigEntry {

    private static final long serialVersionUID = 1L;

    /** Value types, named as in KNIME's settings XML ({@code type="xint"} ...). */
    enum Kind {
        INT("xint"), LONG("xlong"), DOUBLE("xdouble"), FLOAT("xfloat"), SHORT("xshort"), BYTE("xbyte"),
        CHAR("xchar"), BOOLEAN("xboolean"), STRING("xstring"), PASSWORD("xpassword"),
        TRANSIENT_STRING("xtransientstring");

        final String m_xmlName;

        Kind(final String xmlName) {
            m_xmlName = xmlName;
        }

        static Kind fromXml(final String name) {
            for (Kind k : values()) {
                if (k.m_xmlName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final Kind m_kind;

    private final Object m_value;

    ConfigValueEntry(final String key, final Kind kind, final Object value) {
        super(key);
        m_kind = kind;
        m_value = value;
    }

    Kind kind() {
        return m_kind;
    }

    Object value() {
        return m_value;
    }

    @Override
    boolean sameValueAs(final AbstractConfigEntry other) {
        return other instanceof ConfigValueEntry && ((ConfigValueEntry)other).m_kind == m_kind
            && Objects.equals(((ConfigValueEntry)other).m_value, m_value);
    }

    @Override
    int valueHash() {
        return 31 * m_kind.hashCode() + Objects.hashCode(m_value);
    }

    @Override
    public String toStringValue() {
        if (m_value == null) {
            return null;
        }
        if (m_kind == Kind.CHAR) {
            return Integer.toString((Character)m_value);
        }
        return m_value.toString();
    }

    /** Parses the text form written by {@link #toStringValue()}. */
    static Object parse(final Kind kind, final String text) {
        if (text == null) {
            return null;
        }
        switch (kind) {
            case INT:
                return Integer.valueOf(text);
            case LONG:
                return Long.valueOf(text);
            case DOUBLE:
                return Double.valueOf(text);
            case FLOAT:
                return Float.valueOf(text);
            case SHORT:
                return Short.valueOf(text);
            case BYTE:
                return Byte.valueOf(text);
            case CHAR:
                return Character.valueOf((char)Integer.parseInt(text));
            case BOOLEAN:
                return Boolean.valueOf(text);
            default:
                return text;
        }
    }
}
