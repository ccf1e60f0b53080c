package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Stand-in for KNIME's {@code NodeFactory}: creates a node's model, views and dialog. As in KNIME, the node
 * description is read from {@code <FactorySimpleName>.xml} next to the factory class (trying superclasses' names
 * if absent); the stand-in parses it only for {@link #getNodeName()}, the port names and {@link #getIcon()}.
 */
public abstract class NodeFactory<T extends NodeModel> {

    private Element m_description;

    private boolean m_descriptionRead;

    protected NodeFactory() {
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    /** @deprecated as in KNIME 5.11+ */
    @Deprecated
    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    /** @deprecated as in KNIME 5.11+ */
    @Deprecated
    protected abstract boolean hasDialog();

    /** @deprecated as in KNIME 5.11+ */
    @Deprecated
    protected abstract NodeDialogPane createNodeDialogPane();

    /** The root element of the node description XML, {@code null} if there is none (or it cannot be parsed). */
    public Element getXMLDescription() {
        synchronized (this) {
            if (!m_descriptionRead) {
                m_descriptionRead = true;
                m_description = readDescription();
            }
            return m_description;
        }
    }

    private Element readDescription() {
        for (Class<?> c = getClass(); c != null && c != NodeFactory.class; c = c.getSuperclass()) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".xml")) {
                if (in == null) {
                    continue;
                }
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                return f.newDocumentBuilder().parse(in).getDocumentElement();
            } catch (IOException | SAXException | ParserConfigurationException e) {
                NodeLogger.getLogger(NodeFactory.class)
                    .coding("Cannot read node description of " + getClass().getName() + ": " + e.getMessage(), e);
                return null;
            }
        }
        NodeLogger.getLogger(NodeFactory.class).coding("No node description XML for " + getClass().getName());
        return null;
    }

    private static Element child(final Element parent, final String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && localName.equals(localNameOf((Element)n))) {
                return (Element)n;
            }
        }
        return null;
    }

    private static String localNameOf(final Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    /** The {@code <name>} of the node description (the class name if there is none). */
    public final String getNodeName() {
        Element name = child(getXMLDescription(), "name");
        return name == null ? getClass().getSimpleName() : name.getTextContent().trim();
    }

    private String portName(final String element, final int index) {
        Element ports = child(getXMLDescription(), "ports");
        if (ports == null) {
            return null;
        }
        for (Node n = ports.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && element.equals(localNameOf((Element)n))
                && Integer.toString(index).equals(((Element)n).getAttribute("index"))) {
                return ((Element)n).getAttribute("name");
            }
        }
        return null;
    }

    /** The {@code name} of {@code <outPort index=..>} in the node description, {@code null} if absent. */
    public String getOutportName(final int index) {
        return portName("outPort", index);
    }

    /** The icon named by the description's {@code icon} attribute, {@code null} if absent or not found. */
    public URL getIcon() {
        Element root = getXMLDescription();
        if (root == null || root.getAttribute("icon").isEmpty()) {
            return null;
        }
        return getClass().getResource(root.getAttribute("icon"));
    }
}
