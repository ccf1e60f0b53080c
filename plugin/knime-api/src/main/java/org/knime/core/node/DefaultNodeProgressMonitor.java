package org.knime.core.node;

import java.util.List;
import java.util.function.Supplier;

/**
 * Stand-in for KNIME's {@code DefaultNodeProgressMonitor}: keeps the latest progress and message and a cancel
 * flag. {@link #setExecuteCanceled()} makes the next {@link #checkCanceled()} throw.
 */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile Double m_progress;

    private volatile String m_message;

    private volatile boolean m_canceled;

    public DefaultNodeProgressMonitor() {
    }

    protected boolean isCanceled() {
        return m_canceled;
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

    @Override
    public String getMessage() {
        return m_message;
    }

    @Override
    public List<String> getMessages() {
        String m = m_message;
        return m == null ? List.of() : List.of(m);
    }

    /** Sets the progress, clamped to [0, 1]; NaN is ignored. */
    @Override
    public void setProgress(final double progress) {
        if (!Double.isNaN(progress)) {
            m_progress = Math.max(0.0, Math.min(1.0, progress));
        }
    }

    @Override
    public void setProgress(final String message) {
        setMessage(message);
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
        m_message = message;
    }

    @Override
    public void setMessage(final Supplier<String> message) {
        setMessage(message == null ? null : message.get());
    }

    @Override
    public void reset() {
        m_progress = null;
        m_message = null;
        m_canceled = false;
    }
}
