package org.vaenodes.knime.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One reset KNIME workflow (project) of native nodes, turned into the files KNIME 5.x stores
 * (../shared/knime-workflows/FORMAT.md §1, §4, §5) and zipped as a {@code .knwf}.
 */
final class Workflow {

    /** Format version KNIME 5.1 and later write (FORMAT.md §2). */
    static final String FORMAT_VERSION = "5.1.0";

    /** The oldest release we support, without qualifier (FORMAT.md §2; validate --min-knime 5.5.0). */
    static final String CREATED_BY = "5.5.0";

    /** Fixed dates, so that the files are the same on every build. */
    static final String AUTHORED_WHEN = "2026-11-24 00:00:00 +0000";

    static final String LAST_MODIFIED = "2026-11-24T00:00:00.000Z";

    static final String AUTHOR = "VAE Nodes project";

    /** Time stamp of every zip entry (local DOS time, so the archive does not depend on the time zone). */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2026, 11, 24, 0, 0);

    /** Bundle and feature fields of {@code settings.xml} (FORMAT.md §5). */
    record NodeOrigin(String factory, String nodeName, String bundleName, String bundleSymbolicName,
        String bundleVendor, String bundleVersion, String featureName, String featureSymbolicName,
        String featureVendor, String featureVersion) {
    }

    /** A native node. {@code view == null}: no view settings; {@code outPorts}: number of data outputs. */
    static final class WfNode {
        final int m_id;

        final NodeOrigin m_origin;

        final KnimeConfig m_model;

        KnimeConfig m_view;

        boolean m_viewVariables;

        boolean m_creationConfig;

        final int m_outPorts;

        String m_state = "CONFIGURED";

        final int m_x;

        final int m_y;

        String m_label;

        WfNode(final int id, final NodeOrigin origin, final KnimeConfig model, final int outPorts, final int x,
            final int y) {
            m_id = id;
            m_origin = origin;
            m_model = model;
            m_outPorts = outPorts;
            m_x = x;
            m_y = y;
        }

        /** Node folder name: characters other than A-Z a-z 0-9 and space become '_', then " (#id)". */
        String folder() {
            return m_origin.nodeName().replaceAll("[^A-Za-z0-9 ]", "_") + " (#" + m_id + ")";
        }
    }

    record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    record Annotation(String text, int x, int y, int width, int height, int bgcolor) {
    }

    final String m_name;

    final String m_description;

    final List<String> m_tags;

    final List<WfNode> m_nodes = new ArrayList<>();

    final List<Connection> m_connections = new ArrayList<>();

    final List<Annotation> m_annotations = new ArrayList<>();

    Workflow(final String name, final String description, final List<String> tags) {
        m_name = name;
        m_description = description;
        m_tags = tags;
    }

    WfNode add(final NodeOrigin origin, final KnimeConfig model, final int outPorts, final int x, final int y) {
        WfNode n = new WfNode(m_nodes.size() + 1, origin, model, outPorts, x, y);
        m_nodes.add(n);
        return n;
    }

    /** Connects data port {@code sourcePort} (1-based; 0 is the flow-variable port) to {@code destPort}. */
    void connect(final WfNode source, final int sourcePort, final WfNode dest, final int destPort) {
        m_connections.add(new Connection(source.m_id, sourcePort, dest.m_id, destPort));
    }

    void annotate(final String text, final int x, final int y, final int width, final int height,
        final int bgcolor) {
        m_annotations.add(new Annotation(text, x, y, width, height, bgcolor));
    }

    /** Every file of the workflow folder, by path relative to it ('/' separated), sorted. */
    Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("workflow.knime", workflowKnime().toXml());
        files.put("workflow-metadata.xml", metadata());
        for (WfNode n : m_nodes) {
            files.put(n.folder() + "/settings.xml", settingsXml(n).toXml());
        }
        return files;
    }

    private KnimeConfig workflowKnime() {
        KnimeConfig wf = new KnimeConfig("workflow.knime");
        wf.string("created_by", CREATED_BY);
        wf.bool("created_by_nightly", false);
        wf.string("version", FORMAT_VERSION);
        wf.string("name", null);
        KnimeConfig author = wf.config("authorInformation");
        author.string("authored-by", AUTHOR);
        author.string("authored-when", AUTHORED_WHEN);
        author.string("lastEdited-by", AUTHOR);
        author.string("lastEdited-when", AUTHORED_WHEN);
        wf.string("customDescription", null);
        wf.string("state", aggregateState());
        wf.config("workflow_credentials");
        KnimeConfig annos = wf.config("annotations");
        for (int i = 0; i < m_annotations.size(); i++) {
            Annotation a = m_annotations.get(i);
            annotation(annos.config("annotation_" + i), a.text(), a.x(), a.y(), a.width(), a.height(), a.bgcolor(),
                "LEFT", 10);
        }
        KnimeConfig nodes = wf.config("nodes");
        for (WfNode n : m_nodes) {
            KnimeConfig c = nodes.config("node_" + n.m_id);
            c.integer("id", n.m_id);
            c.string("node_settings_file", n.folder() + "/settings.xml");
            c.bool("node_is_meta", false);
            c.string("node_type", "NativeNode");
            c.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            c.config("ui_settings").intArray("extrainfo.node.bounds", n.m_x, n.m_y, -1, -1);
        }
        KnimeConfig conns = wf.config("connections");
        for (int i = 0; i < m_connections.size(); i++) {
            Connection k = m_connections.get(i);
            KnimeConfig c = conns.config("connection_" + i);
            c.integer("sourceID", k.source());
            c.integer("destID", k.dest());
            c.integer("sourcePort", k.sourcePort());
            c.integer("destPort", k.destPort());
        }
        KnimeConfig editor = wf.config("workflow_editor_settings");
        editor.bool("workflow.editor.snapToGrid", false);
        editor.bool("workflow.editor.ShowGrid", false);
        editor.integer("workflow.editor.gridX", -1);
        editor.integer("workflow.editor.gridY", -1);
        editor.dbl("workflow.editor.zoomLevel", 1.0);
        editor.bool("workflow.editor.curvedConnections", false);
        editor.integer("workflow.editor.connectionWidth", 1);
        return wf;
    }

    /** Any IDLE node makes the workflow IDLE, else CONFIGURED (FORMAT.md §4.1). */
    private String aggregateState() {
        return m_nodes.stream().anyMatch(n -> "IDLE".equals(n.m_state)) ? "IDLE" : "CONFIGURED";
    }

    private static void annotation(final KnimeConfig a, final String text, final int x, final int y, final int w,
        final int h, final int bgcolor, final String alignment, final int border) {
        a.string("text", text);
        a.string("contentType", "text/plain");
        a.integer("bgcolor", bgcolor);
        a.integer("x-coordinate", x);
        a.integer("y-coordinate", y);
        a.integer("width", w);
        a.integer("height", h);
        a.string("alignment", alignment);
        a.integer("borderSize", border);
        a.integer("borderColor", border == 0 ? 16777215 : 12633286);
        a.integer("defFontSize", -1);
        a.integer("annotation-version", 20230412);
        a.config("styles");
    }

    private KnimeConfig settingsXml(final WfNode n) {
        NodeOrigin o = n.m_origin;
        KnimeConfig s = new KnimeConfig("settings.xml");
        s.string("node_file", "settings.xml");
        s.config("flow_stack");
        s.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        s.add(n.m_model);
        if (n.m_view != null) {
            s.add(n.m_view);
        }
        if (n.m_viewVariables) {
            s.config("view_variables");
        }
        if (n.m_label != null) {
            annotation(s.config("nodeAnnotation"), n.m_label, n.m_x - 40, n.m_y + 70, 140, 30, 16777215, "CENTER",
                0);
        }
        s.string("customDescription", null);
        s.string("state", n.m_state);
        s.string("factory", o.factory());
        s.string("node-name", o.nodeName());
        s.string("node-bundle-name", o.bundleName());
        s.string("node-bundle-symbolic-name", o.bundleSymbolicName());
        s.string("node-bundle-vendor", o.bundleVendor());
        s.string("node-bundle-version", o.bundleVersion());
        s.string("node-feature-name", o.featureName());
        s.string("node-feature-symbolic-name", o.featureSymbolicName());
        s.string("node-feature-vendor", o.featureVendor());
        s.string("node-feature-version", o.featureVersion());
        s.config("factory_settings");
        if (n.m_creationConfig) {
            KnimeConfig cc = s.config("node_creation_config");
            cc.config("Input Table");
            cc.config("Output Image");
        }
        s.string("name", o.nodeName());
        s.bool("hasContent", false);
        s.bool("isInactive", false);
        KnimeConfig ports = s.config("ports");
        for (int k = 1; k <= n.m_outPorts; k++) {
            KnimeConfig p = ports.config("port_" + k);
            p.integer("index", k);
            p.string("port_dir_location", null);
        }
        KnimeConfig fs = s.config("filestores");
        fs.string("file_store_location", null);
        fs.string("file_store_id", null);
        return s;
    }

    private byte[] metadata() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<workflow-metadata xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\">\n");
        b.append("    <last-modified>").append(LAST_MODIFIED).append("</last-modified>\n");
        b.append("    <description content-type=\"plain\">").append(KnimeConfig.xml(m_description))
            .append("</description>\n");
        b.append("    <tags>\n");
        for (String t : m_tags) {
            b.append("        <tag>").append(KnimeConfig.xml(t)).append("</tag>\n");
        }
        b.append("    </tags>\n");
        b.append("</workflow-metadata>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code .knwf}: a zip with the workflow folder {@code folderName} as its single top-level entry. */
    byte[] knwf(final String folderName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                ZipEntry e = new ZipEntry(folderName + "/" + f.getKey());
                e.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
