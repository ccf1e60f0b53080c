package org.vaenodes.knime.nodes;

import java.io.File;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortType;

/**
 * A node model that keeps nothing between executions: its results are its output ports, which KNIME saves
 * and restores itself, so there are no internals to save or load and nothing to reset.
 */
public abstract class StatelessNodeModel extends NodeModel {

    protected StatelessNodeModel(final int inTables, final int outTables) {
        super(inTables, outTables);
    }

    protected StatelessNodeModel(final PortType[] in, final PortType[] out) {
        super(in, out);
    }

    @Override
    protected final void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing kept between executions
    }

    @Override
    protected final void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing kept between executions
    }

    @Override
    protected final void reset() {
        // nothing kept between executions
    }
}
