package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

/**
 * Stand-in for KNIME's {@code ExecutionContext}: an {@link ExecutionMonitor} that also creates tables, all held in
 * memory. Tests create one with {@code new ExecutionContext(new DefaultNodeProgressMonitor(), null)} (or the
 * helpers in {@code org.vaenodes.knimestub}).
 */
public class ExecutionContext extends ExecutionMonitor {

    /** @deprecated KNIME creates execution contexts; the stand-in accepts {@code node == null}. */
    @Deprecated
    public ExecutionContext(final NodeProgressMonitor progMon, final Node node) {
        super(progMon);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }
}
