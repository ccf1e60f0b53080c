package org.vaenodes.knime.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.node.NodeSettings;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An ordered tree of {@code <config>} and {@code <entry>} items, written in KNIME's XML config dialect
 * (../shared/knime-workflows/FORMAT.md §3): root {@code <config>} in the XMLConfig namespace with the schema
 * location, four-space indentation, {@code isnull="true" value=""} for null strings, and characters below 32
 * written as {@code %%} plus five decimal digits.
 */
final class KnimeConfig {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** One {@code <entry>}: key, type ({@code xstring}, {@code xint}, ...) and value ({@code null} = isnull). */
    record Entry(String key, String type, String value) {
    }

    private final String m_key;

    private final List<Object> m_items = new ArrayList<>();

    KnimeConfig(final String key) {
        m_key = key;
    }

    String key() {
        return m_key;
    }

    List<Object> items() {
        return m_items;
    }

    KnimeConfig entry(final String key, final String type, final String value) {
        for (Object o : m_items) {
            String k = o instanceof Entry e ? e.key() : ((KnimeConfig)o).key();
            if (k.equals(key)) {
                throw new IllegalArgumentException("Duplicate key \"" + key + "\" in config \"" + m_key + "\"");
            }
        }
        m_items.add(new Entry(key, type, value));
        return this;
    }

    KnimeConfig string(final String key, final String value) {
        return entry(key, "xstring", value);
    }

    KnimeConfig integer(final String key, final int value) {
        return entry(key, "xint", Integer.toString(value));
    }

    KnimeConfig bool(final String key, final boolean value) {
        return entry(key, "xboolean", Boolean.toString(value));
    }

    KnimeConfig dbl(final String key, final double value) {
        return entry(key, "xdouble", Double.toString(value));
    }

    /** Adds and returns a new sub-config. */
    KnimeConfig config(final String key) {
        KnimeConfig c = new KnimeConfig(key);
        add(c);
        return c;
    }

    /** Adds an existing config (e.g. a node's {@code model}) under its own key. */
    KnimeConfig add(final KnimeConfig c) {
        for (Object o : m_items) {
            String k = o instanceof Entry e ? e.key() : ((KnimeConfig)o).key();
            if (k.equals(c.key())) {
                throw new IllegalArgumentException("Duplicate key \"" + c.key() + "\" in config \"" + m_key + "\"");
            }
        }
        m_items.add(c);
        return this;
    }

    /** A string array as KNIME writes it: {@code array-size} and elements "0" ... "n-1". */
    KnimeConfig stringArray(final String key, final List<String> values) {
        KnimeConfig a = config(key);
        a.integer("array-size", values.size());
        for (int i = 0; i < values.size(); i++) {
            a.string(Integer.toString(i), values.get(i));
        }
        return this;
    }

    /** An int array ({@code extrainfo.node.bounds}). */
    KnimeConfig intArray(final String key, final int... values) {
        KnimeConfig a = config(key);
        a.integer("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            a.integer(Integer.toString(i), values[i]);
        }
        return this;
    }

    /** The settings a node model wrote, converted entry by entry (types and nulls kept), under a new key. */
    static KnimeConfig fromNodeSettings(final NodeSettings settings, final String key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            settings.saveToXML(bytes);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes.toByteArray()))
                .getDocumentElement();
            KnimeConfig c = new KnimeConfig(key);
            readChildren(root, c);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot convert the settings \"" + settings.getKey() + "\"", e);
        }
    }

    private static void readChildren(final Element el, final KnimeConfig into) {
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element child = (Element)n;
            String name = child.getLocalName() != null ? child.getLocalName() : child.getNodeName();
            String key = unescape(child.getAttribute("key"));
            if ("config".equals(name)) {
                readChildren(child, into.config(key));
            } else if ("entry".equals(name)) {
                boolean isNull = "true".equals(child.getAttribute("isnull"));
                into.entry(key, child.getAttribute("type"), isNull ? null : unescape(child.getAttribute("value")));
            } else {
                throw new IllegalStateException("Unexpected element <" + name + "> in settings XML");
            }
        }
    }

    private static String unescape(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("%%", i) && i + 7 <= s.length() && s.substring(i + 2, i + 7).chars()
                .allMatch(Character::isDigit)) {
                b.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    /** The document, UTF-8, as KNIME writes it (§3). */
    byte[] toXml() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<config xmlns=\"").append(NAMESPACE).append("\" xmlns:xsi=\"").append(XSI)
            .append("\" xsi:schemaLocation=\"").append(NAMESPACE)
            .append(" http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"").append(attr(m_key)).append("\">\n");
        writeItems(b, 1);
        b.append("</config>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void writeItems(final StringBuilder b, final int depth) {
        String indent = "    ".repeat(depth);
        for (Object o : m_items) {
            if (o instanceof Entry e) {
                b.append(indent).append("<entry key=\"").append(attr(e.key())).append("\" type=\"").append(e.type())
                    .append('"');
                if (e.value() == null) {
                    b.append(" isnull=\"true\" value=\"\"/>\n");
                } else {
                    b.append(" value=\"").append(attr(e.value())).append("\"/>\n");
                }
            } else {
                KnimeConfig c = (KnimeConfig)o;
                b.append(indent).append("<config key=\"").append(attr(c.key())).append('"');
                if (c.m_items.isEmpty()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n");
                    c.writeItems(b, depth + 1);
                    b.append(indent).append("</config>\n");
                }
            }
        }
    }

    /** XML attribute escaping plus KNIME's {@code %%ddddd} for characters XML cannot carry in an attribute. */
    static String attr(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 1 < s.length() && s.charAt(i + 1) == '%') {
                b.append("%%00037%"); // a literal "%%" (FORMAT.md §3)
                i++;
            } else if (c < 32 || c == 0xFFFE || c == 0xFFFF) {
                b.append("%%").append(String.format("%05d", (int)c));
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '"') {
                b.append("&quot;");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Plain XML text/attribute escaping (workflow-metadata.xml). */
    static String xml(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
