package org.vaenodes.knimestub;

import java.io.File;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.util.CheckUtils;

/** A classic-API node as the plugin writes them: appends "sum of included columns times factor". */
class SampleNodeModel extends NodeModel {

    static SettingsModelDoubleBounded createFactor() {
        return new SettingsModelDoubleBounded("factor", 1.0, 0.0, 10.0);
    }

    static SettingsModelColumnFilter2 createColumns() {
        return new SettingsModelColumnFilter2("columns", DoubleValue.class);
    }

    private final SettingsModelDoubleBounded m_factor = createFactor();

    private final SettingsModelColumnFilter2 m_columns = createColumns();

    SampleNodeModel() {
        super(1, 1);
    }

    private ColumnRearranger rearranger(final DataTableSpec in) throws InvalidSettingsException {
        String[] cols = m_columns.applyTo(in).getIncludes();
        CheckUtils.checkSetting(cols.length > 0, "No numeric column selected in %s.", in.getName());
        if (m_columns.applyTo(in).getRemovedFromIncludes().length > 0) {
            setWarningMessage("Some selected columns are missing.");
        }
        int[] idx = in.columnsToIndices(cols);
        double f = m_factor.getDoubleValue();
        ColumnRearranger r = new ColumnRearranger(in);
        r.append(new SingleCellFactory(new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(in, "scaled sum"),
            DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                double s = 0;
                for (int i : idx) {
                    s += ((DoubleValue)row.getCell(i)).getDoubleValue();
                }
                return new DoubleCell(s * f);
            }
        });
        return r;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{rearranger(inSpecs[0]).createSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        exec.setMessage("Scaling");
        return new BufferedDataTable[]{
            exec.createColumnRearrangeTable(inData[0], rearranger(inData[0].getDataTableSpec()), exec)};
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
