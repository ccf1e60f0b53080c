package org.vaenodes.knime.nodes.learner;

import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.knime.core.node.NodeView;
import org.vaenodes.knime.nodes.learner.monitor.MonitorPanel;
import org.vaenodes.knime.nodes.learner.monitor.TrainingMonitor;

/**
 * The Learner's classic monitor view: a {@link MonitorPanel} redrawn from the node's {@link TrainingMonitor} at
 * most {@link #REDRAWS_PER_SECOND} times a second on the event dispatch thread, only when the monitor changed, and
 * never more often than keeps drawing under {@link #DRAW_SHARE} of the time (a slow machine gets fewer redraws). The
 * training thread never waits for it.
 */
final class VaeLearnerNodeView extends NodeView<VaeLearnerNodeModel> {

    static final int REDRAWS_PER_SECOND = 4;

    /** The share of wall time the view may spend drawing. */
    static final double DRAW_SHARE = 0.1;

    private final TrainingMonitor m_monitor;

    private final MonitorPanel m_panel;

    private final Timer m_timer;

    private long m_drawn = -1;

    private long m_lastDrawStart;

    private long m_lastDisplayNanos;

    VaeLearnerNodeView(final VaeLearnerNodeModel model) {
        super(model);
        m_monitor = model.monitor();
        m_panel = new MonitorPanel(m_monitor::requestStop);
        m_timer = new Timer(1000 / REDRAWS_PER_SECOND, e -> tick());
        m_timer.setCoalesce(true);
        setComponent(m_panel);
    }

    MonitorPanel panel() {
        return m_panel;
    }

    /** Redraws if the monitor changed since the last drawing. */
    void redraw() {
        long v = m_monitor.version();
        if (v != m_drawn) {
            long t0 = System.nanoTime();
            m_drawn = v;
            m_lastDrawStart = t0;
            m_panel.display(m_monitor.state());
            m_lastDisplayNanos = System.nanoTime() - t0;
        }
    }

    /** A timer tick: redraws unless the last drawing was too recent for its cost. */
    private void tick() {
        long cost = m_lastDisplayNanos + m_panel.lastPaintNanos();
        if (System.nanoTime() - m_lastDrawStart >= cost / DRAW_SHARE) {
            redraw();
        }
    }

    @Override
    protected void modelChanged() {
        if (SwingUtilities.isEventDispatchThread() || java.awt.GraphicsEnvironment.isHeadless()) {
            redraw();
        } else {
            SwingUtilities.invokeLater(this::redraw);
        }
    }

    @Override
    protected void onOpen() {
        redraw();
        m_timer.start();
    }

    @Override
    protected void onClose() {
        m_timer.stop();
    }
}
