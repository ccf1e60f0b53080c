package org.knime.core.node;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Stand-in for KNIME's {@code ExecutionMonitor}: reports progress and messages to a {@link NodeProgressMonitor}
 * and checks for cancellation. Sub-progress monitors map their [0, 1] onto a share of this monitor's progress.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    /** A monitor on a fresh {@link DefaultNodeProgressMonitor}. */
    public ExecutionMonitor() {
        this(new DefaultNodeProgressMonitor());
    }

    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = Objects.requireNonNull(progress, "Progress monitor must not be null.");
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    /** Throws if cancellation was requested. */
    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    public void setProgress(final double progress, final Supplier<String> message) {
        m_progress.setProgress(progress, message);
    }

    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    /** A monitor whose progress 0..1 covers {@code maxProg} (in [0, 1]) of this monitor's progress. */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgressMonitor(m_progress, maxProg));
    }
}
