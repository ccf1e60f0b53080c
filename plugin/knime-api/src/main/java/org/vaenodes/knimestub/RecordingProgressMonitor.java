package org.vaenodes.knimestub;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;

/**
 * A {@link DefaultNodeProgressMonitor} that records every progress and message update (sub-progress monitors and
 * sub-contexts forward to it) and can cancel itself at a progress threshold or after a number of cancel checks.
 */
public class RecordingProgressMonitor extends DefaultNodeProgressMonitor {

    /** One update: the progress after it (may be {@code null}) and the message after it (may be {@code null}). */
    public static final class Update {
        private final Double m_progress;

        private final String m_message;

        Update(final Double progress, final String message) {
            m_progress = progress;
            m_message = message;
        }

        public Double progress() {
            return m_progress;
        }

        public String message() {
            return m_message;
        }

        @Override
        public String toString() {
            return m_progress + " " + m_message;
        }
    }

    private final List<Update> m_updates = new ArrayList<>();

    private final List<String> m_messages = new ArrayList<>();

    private double m_cancelAtProgress = Double.NaN;

    private int m_cancelAfterChecks = -1;

    private int m_checks;

    /** All updates, oldest first. */
    public synchronized List<Update> updates() {
        return new ArrayList<>(m_updates);
    }

    /** The progress values set, oldest first (consecutive repeats collapsed). */
    public synchronized List<Double> progressHistory() {
        List<Double> r = new ArrayList<>();
        for (Update u : m_updates) {
            if (u.m_progress != null && (r.isEmpty() || !u.m_progress.equals(r.get(r.size() - 1)))) {
                r.add(u.m_progress);
            }
        }
        return r;
    }

    /** Every non-null message set, oldest first (repeats of the same message are kept). */
    public synchronized List<String> messageHistory() {
        return new ArrayList<>(m_messages);
    }

    /** How often {@link #checkCanceled()} was called. */
    public synchronized int cancelChecks() {
        return m_checks;
    }

    /** Requests cancellation as soon as the progress reaches the threshold. */
    public synchronized RecordingProgressMonitor cancelAtProgress(final double threshold) {
        m_cancelAtProgress = threshold;
        return this;
    }

    /** Requests cancellation after the given number of {@link #checkCanceled()} calls (0: at the first). */
    public synchronized RecordingProgressMonitor cancelAfterChecks(final int checks) {
        m_cancelAfterChecks = checks;
        return this;
    }

    /** Whether cancellation was requested. */
    public boolean isCancelRequested() {
        return isCanceled();
    }

    private synchronized void record(final String message, final boolean withMessage) {
        if (withMessage && message != null) {
            m_messages.add(message);
        }
        m_updates.add(new Update(getProgress(), getMessage()));
        Double p = getProgress();
        if (!Double.isNaN(m_cancelAtProgress) && p != null && p >= m_cancelAtProgress) {
            setExecuteCanceled();
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
    public void setProgress(final double progress) {
        super.setProgress(progress);
        record(null, false);
    }

    @Override
    public void setProgress(final double progress, final String message) {
        super.setProgress(progress);
        super.setMessage(message);
        record(message, true);
    }

    @Override
    public void setMessage(final String message) {
        super.setMessage(message);
        record(message, true);
    }

    @Override
    public synchronized void reset() {
        super.reset();
        m_updates.clear();
        m_messages.clear();
        m_checks = 0;
    }
}
