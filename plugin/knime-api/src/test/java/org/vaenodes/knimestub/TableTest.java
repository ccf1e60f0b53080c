package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
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

    @Test
    void containerToTableToIteration() {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        for (int i = 0; i < 3; i++) {
            c.addRowToTable(new DefaultRow("Row" + i, new DoubleCell(i * 0.5), new StringCell("l" + i)));
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
            assertEquals("l2", ((StringValue)last.getCell(1)).getStringValue());
            assertFalse(it.hasNext());
        }
        assertThrows(IllegalStateException.class, () -> c.addRowToTable(new DefaultRow("Row9", 1.0, 2.0)));
        assertEquals(BufferedDataTable.TYPE, StubNodes.outPortType(new SampleNodeModel(), 0));
    }

    @Test
    void containerChecksRowsLikeKnime() {
        BufferedDataContainer c = StubContexts.newExecutionContext().createDataContainer(SPEC);
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("a", 1.0)),
            "wrong number of cells");
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("a", new StringCell("no"), new StringCell("l"))), "wrong type");
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("a", new IntCell(1), new StringCell("l"))),
            "as in KNIME, an IntCell does not go into a double column");
        c.addRowToTable(new DefaultRow("a", new DoubleCell(1), DataType.getMissingCell()));
        assertThrows(DuplicateKeyException.class,
            () -> c.addRowToTable(new DefaultRow("a", new DoubleCell(1), new StringCell("l"))));
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
        DataType common = DataType.getCommonSuperType(IntCell.TYPE, DoubleCell.TYPE);
        assertTrue(common.isCompatible(DoubleValue.class));
        assertTrue(common.isASuperTypeOf(IntCell.TYPE));
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
        cr.setElementNames(new String[]{"z3"});
        DataColumnSpec col = cr.createSpec();
        assertEquals("3", col.getProperties().getProperty("vae.latent.index"));
        assertNull(col.getProperties().getProperty("other"));
        assertEquals("fallback", col.getProperties().getProperty("other", "fallback"));
        DataColumnProperties more = col.getProperties().cloneAndOverwrite(Map.of("k", "v"));
        assertEquals(2, more.size());
        assertEquals(1, col.getProperties().size(), "properties are immutable");

        DataTableSpec spec = new DataTableSpec("t", col, new DataColumnSpecCreator("y", IntCell.TYPE).createSpec());
        assertEquals(1, spec.findColumnIndex("y"));
        assertEquals(-1, spec.findColumnIndex("nope"));
        assertArrayEquals(new String[]{"latent", "y"}, spec.getColumnNames());
        assertEquals("y (#1)", DataTableSpec.getUniqueColumnName(spec, "y"));
        assertThrows(IllegalArgumentException.class, () -> new DataTableSpec(col, col), "duplicate names");

        ModelContent m = new ModelContent("spec");
        spec.save(m);
        DataTableSpec back = DataTableSpec.load(m);
        assertEquals(spec, back);
        assertEquals("3", back.getColumnSpec("latent").getProperties().getProperty("vae.latent.index"));
        assertEquals(List.of("z3"), back.getColumnSpec(0).getElementNames());
    }

    @Test
    void columnRearrangerAppendsComputedColumns() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = StubContexts.table(exec, SPEC, new DefaultRow("a", new DoubleCell(1),
            new StringCell("x")), new DefaultRow("b", new DoubleCell(2), new StringCell("y")));
        ColumnRearranger r = new ColumnRearranger(in.getDataTableSpec());
        r.append(new SingleCellFactory(new DataColumnSpecCreator("twice", DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                return new DoubleCell(2 * ((DoubleValue)row.getCell(0)).getDoubleValue());
            }
        });
        r.remove("label");
        BufferedDataTable out = exec.createColumnRearrangeTable(in, r, exec);
        assertArrayEquals(new String[]{"x", "twice"}, out.getDataTableSpec().getColumnNames());
        List<DataRow> rows = StubContexts.rows(out);
        assertEquals(new DoubleCell(4), rows.get(1).getCell(1));
        assertEquals("b", rows.get(1).getKey().getString());
        assertEquals(List.of(0.5, 1.0), StubContexts.progress(exec).progressHistory());
    }
}
