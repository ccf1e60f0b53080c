package org.vaenodes.knimestub;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;

/**
 * A {@link DefaultNodeProgressMonitor} that records every message (sub-progress monitors forward to it) and can
 * cancel itself after a number of cancel checks.
 */
public class RecordingProgressMonitor extends DefaultNodeProgressMonitor {

    private final List<String> m_messages = new ArrayList<>();

    private int m_cancelAfterChecks = -1;

    private int m_checks;

    /** Every non-null message set, oldest first (repeats of the same message are kept). */
    public synchronized List<String> messageHistory() {
        return new ArrayList<>(m_messages);
    }

    /** How often {@link #checkCanceled()} was called. */
    public synchronized int cancelChecks() {
        return m_checks;
    }

    /** Requests cancellation after the given number of {@link #checkCanceled()} calls (0: at the first). */
    public synchronized RecordingProgressMonitor cancelAfterChecks(final int checks) {
        m_cancelAfterChecks = checks;
        return this;
    }

    private synchronized void record(final String message) {
        if (message != null) {
            m_messages.add(message);
        }
    }

    @Override
    public synchronized void checkCanceled() throws CanceledExecutionException {
        if (m_cancelAfterChecks >= 0 && m_checks >= m_cancelAfterChecks) {
            setExecuteCanceled();
        }
        m_checks++;
        super.checkCanceled();
    }

    @Override
    public void setProgress(final double progress, final String message) {
        super.setProgress(progress);
        super.setMessage(message);
        record(message);
    }

    @Override
    public void setMessage(final String message) {
        super.setMessage(message);
        record(message);
    }
}
