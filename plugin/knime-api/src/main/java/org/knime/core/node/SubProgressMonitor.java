package org.knime.core.node;

/**
 * A monitor for a share of the parent's progress: progress p in [0, 1] here adds {@code fraction * p} to the
 * parent. Messages and the cancel flag are the parent's.
 */
final class SubProgressMonitor implements NodeProgressMonitor {

    private final NodeProgressMonitor m_parent;

    private final double m_fraction;

    private double m_progress;

    private Double m_reported;

    SubProgressMonitor(final NodeProgressMonitor parent, final double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("Progress fraction must be in [0, 1]: " + fraction);
        }
        m_parent = parent;
        m_fraction = fraction;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        m_parent.checkCanceled();
    }

    @Override
    public void setExecuteCanceled() {
        m_parent.setExecuteCanceled();
    }

    @Override
    public synchronized Double getProgress() {
        return m_reported;
    }

    @Override
    public synchronized void setProgress(final double progress) {
        applyProgress(progress, null, false);
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        applyProgress(progress, message, true);
    }

    private void applyProgress(final double progress, final String message, final boolean withMessage) {
        if (Double.isNaN(progress)) {
            if (withMessage) {
                setMessage(message);
            }
            return;
        }
        double p = Math.max(0.0, Math.min(1.0, progress));
        double delta = (p - m_progress) * m_fraction;
        m_progress = p;
        m_reported = p;
        Double parentProgress = m_parent.getProgress();
        double next = (parentProgress == null ? 0.0 : parentProgress) + delta;
        if (withMessage) {
            m_parent.setProgress(next, message);
        } else {
            m_parent.setProgress(next);
        }
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_parent.setMessage(message);
    }
}
