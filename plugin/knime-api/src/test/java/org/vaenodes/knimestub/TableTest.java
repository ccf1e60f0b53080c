package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnProperties;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ModelContent;
import org.knime.core.util.DuplicateKeyException;

class TableTest {

    private static final DataTableSpec SPEC =
        new DataTableSpec(new String[]{"x", "label"}, new DataType[]{DoubleCell.TYPE, StringCell.TYPE});

    private static DataRow row(final String key, final DataCell... cells) {
        return new DefaultRow(new RowKey(key), cells);
    }

    @Test
    void containerToTableToIteration() {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        for (int i = 0; i < 3; i++) {
            c.addRowToTable(row("Row" + i, new DoubleCell(i * 0.5), new StringCell("l" + i)));
        }
        assertThrows(IllegalStateException.class, c::getTable, "table only after close");
        c.close();
        BufferedDataTable t = c.getTable();
        assertSame(t, c.getTable());
        long size = t.size();
        assertEquals(3L, size);
        assertEquals(SPEC, t.getDataTableSpec());
        assertSame(t.getDataTableSpec(), t.getSpec());
        try (CloseableRowIterator it = t.iterator()) {
            DataRow r = it.next();
            assertEquals("Row0", r.getKey().getString());
            assertEquals(0.0, ((DoubleValue)r.getCell(0)).getDoubleValue());
            it.next();
            DataRow last = it.next();
            assertEquals(new StringCell("l2"), last.getCell(1));
            assertFalse(it.hasNext());
        }
        assertThrows(IllegalStateException.class,
            () -> c.addRowToTable(row("Row9", new DoubleCell(1), new StringCell("l"))));
        assertEquals(BufferedDataTable.TYPE, StubNodes.outPortType(new SampleNodeModel(), 0));
    }

    @Test
    void containerChecksRowsLikeKnime() {
        BufferedDataContainer c = StubContexts.newExecutionContext().createDataContainer(SPEC);
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(row("a", new DoubleCell(1))),
            "wrong number of cells");
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(row("a", new StringCell("no"), new StringCell("l"))), "wrong type");
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(row("a", new IntCell(1), new StringCell("l"))),
            "as in KNIME, an IntCell does not go into a double column");
        c.addRowToTable(row("a", new DoubleCell(1), DataType.getMissingCell()));
        assertThrows(DuplicateKeyException.class,
            () -> c.addRowToTable(row("a", new DoubleCell(1), new StringCell("l"))));
    }

    @Test
    void dataTypesAndCells() {
        assertTrue(DoubleCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(DoubleCell.TYPE.isCompatible(IntValue.class));
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(DoubleCell.TYPE));
        assertFalse(DoubleCell.TYPE.isASuperTypeOf(StringCell.TYPE));
        assertSame(DoubleCell.TYPE, DataType.getType(DoubleCell.class));
        assertEquals(DoubleValue.class, DoubleCell.TYPE.getPreferredValueClass());
        DataCell missing = DataType.getMissingCell();
        assertTrue(missing.isMissing());
        assertEquals(missing, DataType.getMissingCell());
        assertEquals(new DoubleCell(2.0), new DoubleCell(2.0));
        assertFalse(new DoubleCell(2.0).equals(new IntCell(2)));
        assertEquals(DoubleCell.TYPE, new DoubleCell(1).getType());
    }

    @Test
    void columnPropertiesAndSpecPersistence() throws Exception {
        DataColumnSpecCreator cr = new DataColumnSpecCreator("latent", DoubleCell.TYPE);
        cr.setProperties(new DataColumnProperties(Map.of("vae.latent.index", "3")));
        DataColumnSpec col = cr.createSpec();
        assertEquals("3", col.getProperties().getProperty("vae.latent.index"));
        assertNull(col.getProperties().getProperty("other"));

        DataTableSpec spec = new DataTableSpec("t", col, new DataColumnSpecCreator("y", IntCell.TYPE).createSpec());
        assertEquals(1, spec.findColumnIndex("y"));
        assertEquals(-1, spec.findColumnIndex("nope"));
        assertArrayEquals(new String[]{"latent", "y"}, spec.getColumnNames());
        assertThrows(IllegalArgumentException.class, () -> new DataTableSpec(col, col), "duplicate names");

        ModelContent m = new ModelContent("spec");
        spec.save(m);
        DataTableSpec back = DataTableSpec.load(m);
        assertEquals(spec, back);
        assertEquals("3", back.getColumnSpec("latent").getProperties().getProperty("vae.latent.index"));
    }
}
