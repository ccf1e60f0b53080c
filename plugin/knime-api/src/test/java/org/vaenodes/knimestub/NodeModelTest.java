package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class NodeModelTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[]{"a", "b", "name"},
        new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});

    private static BufferedDataTable input(final ExecutionContext exec) {
        return StubContexts.table(exec, SPEC, new DefaultRow(new RowKey("r0"), new DoubleCell(1), new DoubleCell(2),
            new StringCell("x")), new DefaultRow(new RowKey("r1"), new DoubleCell(3), new DoubleCell(4),
                new StringCell("y")));
    }

    @Test
    void factoryReadsTheNodeDescription() {
        SampleNodeFactory f = new SampleNodeFactory();
        assertEquals("Scaled Sum", f.getNodeName());
        assertEquals("With sum", f.getOutportName(0));
        assertNull(f.getOutportName(1));
        assertTrue(StubNodes.hasDialog(f));
    }

    @Test
    void configureExecuteWithDefaultSettings() throws Exception {
        SampleNodeModel m = new SampleNodeFactory().createNodeModel();
        ExecutionContext exec = StubContexts.newExecutionContext();
        PortObject[] out = StubNodes.run(m, exec, input(exec));
        BufferedDataTable t = (BufferedDataTable)out[0];
        assertArrayEquals(new String[]{"a", "b", "name", "scaled sum"}, t.getDataTableSpec().getColumnNames());
        List<DataRow> rows = StubContexts.rows(t);
        assertEquals(new DoubleCell(3), rows.get(0).getCell(3));
        assertEquals(new DoubleCell(7), rows.get(1).getCell(3));
        assertEquals("r1", rows.get(1).getKey().getString());
        assertTrue(StubContexts.progress(exec).messageHistory().contains("Scaling"));
        assertEquals(1.0, StubContexts.progress(exec).getProgress());
        assertNull(StubNodes.warningMessage(m));
    }

    @Test
    void settingsRoundTripValidationAndWarning() throws Exception {
        SampleNodeModel m = new SampleNodeModel();
        NodeSettings s = StubNodes.saveSettings(m);
        assertEquals(1.0, s.getDouble("factor"));
        assertTrue(s.getNodeSettings("factor_Internals").getBoolean("EnabledStatus"));

        s.addDouble("factor", 2.0);
        NodeSettings cols = (NodeSettings)s.getNodeSettings("columns");
        cols.addStringArray("included_names", "b", "gone");
        cols.addStringArray("excluded_names", "a");
        cols.addString("enforce_option", "EnforceInclusion");
        NodeSettingsRO xml = StubNodes.xmlRoundTrip(s);
        StubNodes.loadSettings(m, xml);

        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable t = (BufferedDataTable)StubNodes.run(m, exec, input(exec))[0];
        assertEquals(new DoubleCell(8), StubContexts.rows(t).get(1).getCell(3), "4 * 2, only column b");
        assertEquals("Some selected columns are missing.", StubNodes.warningMessage(m));

        s.addDouble("factor", 11.0);
        assertThrows(InvalidSettingsException.class, () -> StubNodes.loadSettings(m, s));
        NodeSettings missing = new NodeSettings("model");
        assertThrows(InvalidSettingsException.class, () -> StubNodes.validateSettings(m, missing));
    }

    @Test
    void configureFailsWithoutNumericColumns() {
        DataTableSpec strings = new DataTableSpec(new String[]{"s"}, new DataType[]{StringCell.TYPE});
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> StubNodes.configure(new SampleNodeModel(), strings));
        assertTrue(e.getMessage().startsWith("No numeric column selected"), e.getMessage());
    }

    @Test
    void cancelStopsExecution() {
        SampleNodeModel m = new SampleNodeModel();
        ExecutionContext exec = StubContexts.newExecutionContext();
        BufferedDataTable in = input(exec);
        StubContexts.cancel(exec);
        assertThrows(CanceledExecutionException.class, () -> StubNodes.execute(m, exec, in));
    }

    @Test
    void dialogLoadsAndSavesThroughItsComponents() throws Exception {
        NodeDialogPane dlg = StubNodes.createNodeDialogPane(new SampleNodeFactory());
        NodeSettings empty = new NodeSettings("model");
        StubNodes.loadDialog(dlg, empty, new PortObjectSpec[]{SPEC});
        NodeSettings saved = StubNodes.saveDialog(dlg);
        assertEquals(1.0, saved.getDouble("factor"));
        // an unset filter (enforce exclusion, both lists empty) includes every input column, as in KNIME
        assertArrayEquals(new String[]{"a", "b", "name"},
            saved.getNodeSettings("columns").getStringArray("included_names"));
        StubNodes.loadSettings(new SampleNodeModel(), saved);
    }
}
