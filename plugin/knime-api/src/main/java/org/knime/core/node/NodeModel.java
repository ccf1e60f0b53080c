package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Stand-in for KNIME's {@code NodeModel}: the node's logic. Data-only nodes override the
 * {@code DataTableSpec}/{@code BufferedDataTable} variants of configure and execute; nodes with other port types
 * override the {@code PortObjectSpec}/{@code PortObject} variants. Tests drive the protected methods with
 * {@code org.vaenodes.knimestub.StubNodes}.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final PortType[] m_inTypes;

    private final PortType[] m_outTypes;

    private String m_warning;

    /** A node with the given numbers of data table ports. */
    protected NodeModel(final int nrDataIns, final int nrDataOuts) {
        this(dataPorts(nrDataIns), dataPorts(nrDataOuts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inTypes = inPortTypes == null ? new PortType[0] : inPortTypes.clone();
        m_outTypes = outPortTypes == null ? new PortType[0] : outPortTypes.clone();
        for (PortType t : m_inTypes) {
            if (t == null) {
                throw new NullPointerException("Port types must not be null.");
            }
        }
        for (PortType t : m_outTypes) {
            if (t == null) {
                throw new NullPointerException("Port types must not be null.");
            }
        }
    }

    private static PortType[] dataPorts(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of ports must not be negative: " + n);
        }
        PortType[] r = new PortType[n];
        Arrays.fill(r, BufferedDataTable.TYPE);
        return r;
    }

    protected final int getNrInPorts() {
        return m_inTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outTypes[index];
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warning = warningMessage;
    }

    protected final String getWarningMessage() {
        return m_warning;
    }

    /** Output specs (entries may be {@code null} if unknown); the default fails. */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException(
            getClass().getSimpleName() + ": configure(DataTableSpec[]) is not implemented.");
    }

    /** By default delegates to {@link #configure(DataTableSpec[])} (all ports must be data ports). */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < specs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException(getClass().getSimpleName() + " has non-data input ports and "
                    + "must override configure(PortObjectSpec[]).");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    /** The output tables; the default fails. */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IllegalStateException(
            getClass().getSimpleName() + ": execute(BufferedDataTable[], ExecutionContext) is not implemented.");
    }

    /** By default delegates to {@link #execute(BufferedDataTable[], ExecutionContext)}. */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < tables.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IllegalStateException(getClass().getSimpleName() + " has non-data input ports and "
                    + "must override execute(PortObject[], ExecutionContext).");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void reset();
}
