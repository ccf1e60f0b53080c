package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.knime.core.node.config.base.ConfigValueEntry.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads and writes configs in the layout of KNIME's settings XML. Characters XML 1.0 cannot carry (and tab, line
 * breaks and '%', so the text survives attribute normalisation) are written as {@code %%} plus five decimal
 * digits.
 */
final class XmlConfigCodec {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private XmlConfigCodec() {
    }

    static void write(final ConfigBase config, final OutputStream os) throws IOException {
        try (OutputStream out = os) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element root = doc.createElementNS(NAMESPACE, "config");
            doc.appendChild(root);
            fill(doc, root, config);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("Cannot write config \"" + config.getKey() + "\" as XML: " + e.getMessage(), e);
        }
    }

    private static void fill(final Document doc, final Element el, final ConfigBase config) {
        el.setAttribute("key", escape(config.getKey()));
        for (AbstractConfigEntry e : config.entries()) {
            if (e instanceof ConfigBase) {
                Element sub = doc.createElementNS(NAMESPACE, "config");
                el.appendChild(sub);
                fill(doc, sub, (ConfigBase)e);
                continue;
            }
            ConfigValueEntry v = (ConfigValueEntry)e;
            if (v.kind() == Kind.TRANSIENT_STRING) {
                continue;
            }
            Element entry = doc.createElementNS(NAMESPACE, "entry");
            entry.setAttribute("key", escape(v.getKey()));
            entry.setAttribute("type", v.kind().m_xmlName);
            String text = v.toStringValue();
            if (text == null) {
                entry.setAttribute("isnull", "true");
                entry.setAttribute("value", "");
            } else {
                entry.setAttribute("value", escape(text));
            }
            el.appendChild(entry);
        }
    }

    static void read(final ConfigBase config, final InputStream is) throws IOException {
        Document doc;
        try (InputStream in = is) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot read config XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"config".equals(localName(root))) {
            throw new IOException("Not a KNIME config XML: root element is <" + root.getNodeName() + ">");
        }
        config.clearEntries();
        config.setKeyInternal(unescape(root.getAttribute("key")));
        readChildren(root, config);
    }

    private static void readChildren(final Element el, final ConfigBase config) throws IOException {
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element child = (Element)n;
            String key = unescape(child.getAttribute("key"));
            if ("config".equals(localName(child))) {
                ConfigBase sub = config.getInstance(key);
                readChildren(child, sub);
                config.put(sub);
            } else if ("entry".equals(localName(child))) {
                Kind kind = Kind.fromXml(child.getAttribute("type"));
                if (kind == null) {
                    throw new IOException("Unknown entry type \"" + child.getAttribute("type") + "\" for key \""
                        + key + "\"");
                }
                Object value = null;
                if (!"true".equals(child.getAttribute("isnull"))) {
                    try {
                        value = ConfigValueEntry.parse(kind, unescape(child.getAttribute("value")));
                    } catch (NumberFormatException e) {
                        throw new IOException("Bad " + kind.m_xmlName + " value for key \"" + key + "\"", e);
                    }
                }
                config.put(new ConfigValueEntry(key, kind, value));
            } else {
                throw new IOException("Unexpected element <" + child.getNodeName() + "> in config XML");
            }
        }
    }

    private static String localName(final Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    static String escape(final String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c >= 0x20 && c != '%' && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c);
            if (!plain && Character.isHighSurrogate(c) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
                continue;
            }
            if (plain) {
                b.append(c);
            } else {
                b.append("%%").append(String.format("%05d", (int)c));
            }
        }
        return b.toString();
    }

    static String unescape(final String s) {
        if (s.indexOf("%%") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("%%", i) && i + 7 <= s.length() && isDigits(s, i + 2, i + 7)) {
                b.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    private static boolean isDigits(final String s, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
