package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
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
        s.addFloat("float", 1.5f);
        s.addShort("short", (short)-3);
        s.addByte("byte", (byte)7);
        s.addChar("char", 'é');
        s.addBoolean("bool", true);
        s.addString("string", "a \"quoted\" <xml> & line\nbreak\t% 100%%00010");
        s.addString("nullString", null);
        s.addStringArray("strings", "x", null, "");
        s.addStringArray("nullStrings", (String[])null);
        s.addIntArray("ints", 1, 2, 3);
        s.addDoubleArray("doubles", 0.5, Double.POSITIVE_INFINITY);
        s.addLongArray("longs");
        s.addBooleanArray("bools", true, false);
        s.addByteArray("bytes", (byte)0, (byte)-1);
        NodeSettingsWO sub = s.addNodeSettings("sub");
        sub.addInt("depth", 1);
        sub.addNodeSettings("subsub").addString("leaf", "yes");
        s.addDataType("type", DoubleCell.TYPE);
        s.addDataCell("cell", new StringCell("c"));
        s.addRowKey("key", new RowKey("Row7"));
        s.addTransientString("transient", "memory only");
        return s;
    }

    private static void assertSample(final NodeSettingsRO s) throws InvalidSettingsException {
        assertEquals(42, s.getInt("int"));
        assertEquals(1L << 40, s.getLong("long"));
        assertEquals(-0.25, s.getDouble("double"));
        assertTrue(Double.isNaN(s.getDouble("nan")));
        assertEquals(1.5f, s.getFloat("float"));
        assertEquals((short)-3, s.getShort("short"));
        assertEquals((byte)7, s.getByte("byte"));
        assertEquals('é', s.getChar("char"));
        assertTrue(s.getBoolean("bool"));
        assertEquals("a \"quoted\" <xml> & line\nbreak\t% 100%%00010", s.getString("string"));
        assertTrue(s.containsKey("nullString"));
        assertNull(s.getString("nullString"));
        assertNull(s.getString("nullString", "default"), "an existing null entry is not replaced by the default");
        assertArrayEquals(new String[]{"x", null, ""}, s.getStringArray("strings"));
        assertNull(s.getStringArray("nullStrings"));
        assertArrayEquals(new int[]{1, 2, 3}, s.getIntArray("ints"));
        assertArrayEquals(new double[]{0.5, Double.POSITIVE_INFINITY}, s.getDoubleArray("doubles"));
        assertArrayEquals(new long[0], s.getLongArray("longs"));
        assertArrayEquals(new boolean[]{true, false}, s.getBooleanArray("bools"));
        assertArrayEquals(new byte[]{0, -1}, s.getByteArray("bytes"));
        NodeSettingsRO sub = s.getNodeSettings("sub");
        assertEquals(1, sub.getInt("depth"));
        assertEquals("yes", sub.getNodeSettings("subsub").getString("leaf"));
        assertEquals(DoubleCell.TYPE, s.getDataType("type"));
        assertEquals(new StringCell("c"), s.getDataCell("cell"));
        assertEquals(new RowKey("Row7"), s.getRowKey("key"));
    }

    @Test
    void typedEntriesAndNestedConfigsRoundTripInMemory() throws Exception {
        NodeSettings s = sample();
        assertSample(s);
        assertEquals("memory only", s.getTransientString("transient"));
        assertEquals(List.of("int", "long"), s.keySet().stream().limit(2).toList(), "keys keep insertion order");
    }

    @Test
    void settingsRoundTripThroughKnimeSettingsXml() throws Exception {
        NodeSettings s = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.saveToXML(bytes);
        String xml = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("http://www.knime.org/2008/09/XMLConfig"), xml);
        assertTrue(xml.contains("type=\"xint\""), xml);
        assertFalse(xml.contains("memory only"), "transient strings are not written");

        NodeSettingsRO back = StubNodes.xmlRoundTrip(s);
        assertSample(back);
        assertEquals("model", back.getKey());
        assertNull(back.getTransientString("transient"));
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
        assertThrows(InvalidSettingsException.class, () -> s.getDoubleArray("missing"));
        assertEquals(5, s.getInt("nope", 5));
        assertEquals(5, s.getInt("string", 5));
        assertArrayEquals(new int[]{9}, s.getIntArray("nope", 9));
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
    void modelContentStoresCellsAndTypes() throws Exception {
        ModelContent m = new ModelContent("m");
        DataCell[] cells = {new DoubleCell(1), DataType.getMissingCell(), new StringCell("s")};
        m.addDataCellArray("cells", cells);
        m.addModelContent("sub").addDouble("d", 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.saveToXML(bytes);
        var back = ModelContent.loadFromXML(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(cells, back.getDataCellArray("cells"));
        assertEquals(2.0, back.getModelContent("sub").getDouble("d"));
    }
}
