package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code AbstractCellFactory}: holds the new column specs and reports progress. The
 * stand-in always processes rows sequentially (the parallel-processing flags are kept but not used).
 */
public abstract class AbstractCellFactory implements CellFactory {

    private final DataColumnSpec[] m_specs;

    private boolean m_parallel;

    private int m_maxParallelWorkers;

    private int m_maxQueueSize;

    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        this(processConcurrently, Math.max(1, Runtime.getRuntime().availableProcessors()),
            10 * Math.max(1, Runtime.getRuntime().availableProcessors()), colSpecs);
    }

    public AbstractCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec... colSpecs) {
        if (colSpecs == null) {
            throw new NullPointerException("Column specs must not be null.");
        }
        m_specs = colSpecs.clone();
        setParallelProcessing(processConcurrently, workerCount, maxQueueSize);
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_specs.clone();
    }

    public final void setParallelProcessing(final boolean value) {
        m_parallel = value;
    }

    public final void setParallelProcessing(final boolean value, final int maxParallelWorkers,
        final int maxQueueSize) {
        if (value && (maxParallelWorkers < 1 || maxQueueSize < maxParallelWorkers)) {
            throw new IllegalArgumentException("Need at least one worker and a queue at least as large as the "
                + "number of workers.");
        }
        m_parallel = value;
        m_maxParallelWorkers = maxParallelWorkers;
        m_maxQueueSize = maxQueueSize;
    }

    public final boolean isParallelProcessing() {
        return m_parallel;
    }

    public final int getMaxParallelWorkers() {
        return m_maxParallelWorkers;
    }

    public final int getMaxQueueSize() {
        return m_maxQueueSize;
    }

    /** Called once after the last row. */
    public void afterProcessing() {
        // nothing by default
    }

    /** @deprecated use {@link #setProgress(long, long, RowKey, ExecutionMonitor)} */
    @Deprecated
    @Override
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((long)curRowNr, (long)rowCount, lastKey, exec);
    }

    /** Reports "Processed row i/n" with the fraction of rows done. */
    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        if (rowCount > 0) {
            exec.setProgress(curRowNr / (double)rowCount,
                "Processed row " + curRowNr + "/" + rowCount + " (\"" + lastKey + "\")");
        } else {
            exec.setMessage("Processed row " + curRowNr + " (\"" + lastKey + "\")");
        }
    }
}
