package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Stand-in for KNIME's {@code DefaultNodeProgressMonitor}: keeps the latest progress and a cancel flag.
 * {@link #setExecuteCanceled()} makes the next {@link #checkCanceled()} throw. Messages are dropped here (KNIME
 * shows them in the workflow editor); {@code org.vaenodes.knimestub.RecordingProgressMonitor} records them.
 */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile Double m_progress;

    private volatile boolean m_canceled;

    public DefaultNodeProgressMonitor() {
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (m_canceled) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public Double getProgress() {
        return m_progress;
    }

    /** Sets the progress, clamped to [0, 1]; NaN is ignored. */
    @Override
    public void setProgress(final double progress) {
        if (!Double.isNaN(progress)) {
            m_progress = Math.max(0.0, Math.min(1.0, progress));
        }
    }

    @Override
    public void setProgress(final double progress, final String message) {
        setProgress(progress);
        setMessage(message);
    }

    @Override
    public void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message == null ? null : message.get());
    }

    @Override
    public void setMessage(final String message) {
        // nothing shows messages in the stand-in
    }
}
