package org.vaenodes.knimestub;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * A classic-API node as the plugin writes them: appends "sum of the included numeric columns times factor",
 * row by row through a {@link BufferedDataContainer}.
 */
class SampleNodeModel extends NodeModel {

    static SettingsModelDoubleBounded createFactor() {
        return new SettingsModelDoubleBounded("factor", 1.0, 0.0, 10.0);
    }

    static SettingsModelColumnFilter2 createColumns() {
        return new SettingsModelColumnFilter2("columns");
    }

    private final SettingsModelDoubleBounded m_factor = createFactor();

    private final SettingsModelColumnFilter2 m_columns = createColumns();

    SampleNodeModel() {
        super(1, 1);
    }

    private int[] summedColumns(final DataTableSpec in) throws InvalidSettingsException {
        FilterResult selected = m_columns.applyTo(in);
        List<Integer> numeric = new ArrayList<>();
        for (String name : selected.getIncludes()) {
            int i = in.findColumnIndex(name);
            if (in.getColumnSpec(i).getType().isCompatible(DoubleValue.class)) {
                numeric.add(i);
            }
        }
        if (numeric.isEmpty()) {
            throw new InvalidSettingsException("No numeric column selected in " + in.getName() + ".");
        }
        if (selected.getRemovedFromIncludes().length > 0) {
            setWarningMessage("Some selected columns are missing.");
        }
        return numeric.stream().mapToInt(Integer::intValue).toArray();
    }

    private static DataTableSpec outSpec(final DataTableSpec in) {
        return new DataTableSpec(in, new DataTableSpec(new DataColumnSpecCreator("scaled sum", DoubleCell.TYPE)
            .createSpec()));
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        summedColumns(inSpecs[0]);
        return new DataTableSpec[]{outSpec(inSpecs[0])};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        DataTableSpec in = inData[0].getDataTableSpec();
        int[] columns = summedColumns(in);
        double factor = m_factor.getDoubleValue();
        exec.setMessage("Scaling");
        BufferedDataContainer out = exec.createDataContainer(outSpec(in));
        long done = 0;
        try (CloseableRowIterator rows = inData[0].iterator()) {
            while (rows.hasNext()) {
                exec.checkCanceled();
                DataRow row = rows.next();
                double sum = 0;
                for (int i : columns) {
                    sum += ((DoubleValue)row.getCell(i)).getDoubleValue();
                }
                DataCell[] cells = new DataCell[row.getNumCells() + 1];
                for (int i = 0; i < row.getNumCells(); i++) {
                    cells[i] = row.getCell(i);
                }
                cells[row.getNumCells()] = new DoubleCell(sum * factor);
                out.addRowToTable(new DefaultRow(row.getKey(), cells));
                exec.setProgress(++done / (double)inData[0].size());
            }
        }
        out.close();
        return new BufferedDataTable[]{out.getTable()};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_factor.saveSettingsTo(settings);
        m_columns.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_factor.validateSettings(settings);
        m_columns.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_factor.loadSettingsFrom(settings);
        m_columns.loadSettingsFrom(settings);
    }

    @Override
    protected void reset() {
        // nothing cached
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }
}
