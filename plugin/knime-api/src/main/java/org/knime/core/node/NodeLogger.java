package org.knime.core.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stand-in for KNIME's {@code NodeLogger}, reduced to what the product and the stand-in's {@link NodeFactory}
 * call: the info and debug messages the nodes write and the coding-problem messages (missing or broken node
 * description). They go to {@code java.util.logging} under the logger's name: info as INFO, coding as WARNING,
 * debug as FINE.
 */
public final class NodeLogger {

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    private void log(final Level level, final Object message, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.logp(level, m_logger.getName(), null, String.valueOf(message), t);
        }
    }

    public void debug(final Object o) {
        log(Level.FINE, o, null);
    }

    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    public void coding(final Object o) {
        log(Level.WARNING, o, null);
    }

    public void coding(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }
}
