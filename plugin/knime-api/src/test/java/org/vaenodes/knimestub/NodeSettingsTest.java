package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

class NodeSettingsTest {

    private static NodeSettings sample() {
        NodeSettings s = new NodeSettings("model");
        s.addInt("int", 42);
        s.addLong("long", 1L << 40);
        s.addDouble("double", -0.25);
        s.addDouble("nan", Double.NaN);
        s.addBoolean("bool", true);
        s.addString("string", "a \"quoted\" <xml> & line\nbreak\t% 100%%00010");
        s.addString("nullString", null);
        s.addStringArray("strings", "x", null, "");
        s.addStringArray("nullStrings", (String[])null);
        NodeSettingsWO sub = s.addNodeSettings("sub");
        sub.addInt("depth", 1);
        sub.addNodeSettings("subsub").addString("leaf", "yes");
        s.addTransientString("transient", "memory only");
        return s;
    }

    private static void assertSample(final NodeSettingsRO s) throws InvalidSettingsException {
        assertEquals(42, s.getInt("int"));
        assertEquals(1L << 40, s.getLong("long"));
        assertEquals(-0.25, s.getDouble("double"));
        assertTrue(Double.isNaN(s.getDouble("nan")));
        assertTrue(s.getBoolean("bool"));
        assertEquals("a \"quoted\" <xml> & line\nbreak\t% 100%%00010", s.getString("string"));
        assertTrue(s.containsKey("nullString"));
        assertNull(s.getString("nullString"));
        assertNull(s.getString("nullString", "default"), "an existing null entry is not replaced by the default");
        assertArrayEquals(new String[]{"x", null, ""}, s.getStringArray("strings"));
        assertNull(s.getStringArray("nullStrings"));
        NodeSettingsRO sub = s.getNodeSettings("sub");
        assertEquals(1, sub.getInt("depth"));
        assertEquals("yes", sub.getNodeSettings("subsub").getString("leaf"));
    }

    @Test
    void typedEntriesAndNestedConfigsRoundTripInMemory() throws Exception {
        NodeSettings s = sample();
        assertSample(s);
        assertTrue(s.containsKey("transient"));
        assertEquals(List.of("int", "long"), s.keySet().stream().limit(2).toList(), "keys keep insertion order");
    }

    @Test
    void settingsRoundTripThroughKnimeSettingsXml() throws Exception {
        NodeSettings s = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.saveToXML(bytes);
        String xml = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("http://www.knime.org/2008/09/XMLConfig"), xml);
        for (String type : List.of("xint", "xlong", "xdouble", "xboolean", "xstring")) {
            assertTrue(xml.contains("type=\"" + type + "\""), type + " in " + xml);
        }
        assertFalse(xml.contains("memory only"), "transient strings are not written");

        NodeSettingsRO back = StubNodes.xmlRoundTrip(s);
        assertSample(back);
        assertEquals("model", back.getKey());
        assertFalse(back.containsKey("transient"));
    }

    @Test
    void missingKeyAndWrongTypeThrowInvalidSettingsException() {
        NodeSettings s = sample();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> s.getInt("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> s.getInt("string"));
        assertThrows(InvalidSettingsException.class, () -> s.getString("int"));
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("int"));
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("missing"));
        assertThrows(InvalidSettingsException.class, () -> s.getStringArray("missing"));
        assertEquals(5, s.getInt("nope", 5));
        assertEquals(5, s.getInt("string", 5));
        assertArrayEquals(new String[]{"9"}, s.getStringArray("nope", "9"));
    }

    @Test
    void addingAnExistingKeyReplacesIt() throws Exception {
        NodeSettings s = new NodeSettings("x");
        s.addInt("k", 1);
        s.addString("k", "now a string");
        assertEquals("now a string", s.getString("k"));
        assertEquals(1, s.keySet().size());
    }

    @Test
    void copyToAndEquality() throws Exception {
        NodeSettings s = sample();
        NodeSettings copy = new NodeSettings("model");
        s.copyTo(copy);
        assertSample(copy);
        assertEquals(s, copy);
        assertEquals(s.hashCode(), copy.hashCode());
        copy.addInt("int", 43);
        assertNotEquals(s, copy);
    }

    @Test
    void modelContentNestsAndRoundTripsThroughXml() throws Exception {
        ModelContent m = new ModelContent("m");
        m.addString("name", "spec");
        m.addModelContent("sub").addDouble("d", 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.saveToXML(bytes);
        ModelContentRO back = ModelContent.loadFromXML(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("spec", back.getString("name"));
        assertEquals(2.0, back.getModelContent("sub").getDouble("d"));
        assertThrows(InvalidSettingsException.class, () -> back.getModelContent("name"));
    }
}
