package org.knime.core.node;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stand-in for KNIME's {@code NodeLogger}. It logs through {@code java.util.logging} under the logger's name
 * (debug = FINE, info = INFO, warn and coding = WARNING, error and fatal = SEVERE), so tests can attach a
 * {@link java.util.logging.Handler} to see what a node logged.
 */
public final class NodeLogger {

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    private void log(final Level level, final Object message, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.logp(level, m_logger.getName(), null, String.valueOf(message), t);
        }
    }

    private void log(final Level level, final Supplier<Object> message, final Throwable t) {
        if (m_logger.isLoggable(level)) {
            m_logger.logp(level, m_logger.getName(), null, String.valueOf(message.get()), t);
        }
    }

    public boolean isDebugEnabled() {
        return m_logger.isLoggable(Level.FINE);
    }

    public boolean isInfoEnabled() {
        return m_logger.isLoggable(Level.INFO);
    }

    public void debug(final Object o) {
        log(Level.FINE, o, null);
    }

    public void debug(final Object o, final Throwable t) {
        log(Level.FINE, o, t);
    }

    public void debug(final Throwable t) {
        log(Level.FINE, t == null ? null : t.getMessage(), t);
    }

    public void debug(final Supplier<Object> s) {
        log(Level.FINE, s, null);
    }

    public void debugWithFormat(final String format, final Object... args) {
        if (isDebugEnabled()) {
            log(Level.FINE, String.format(format, args), null);
        }
    }

    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    public void info(final Object o, final Throwable t) {
        log(Level.INFO, o, t);
    }

    public void info(final Throwable t) {
        log(Level.INFO, t == null ? null : t.getMessage(), t);
    }

    public void info(final Supplier<Object> s) {
        log(Level.INFO, s, null);
    }

    public void infoWithFormat(final String format, final Object... args) {
        log(Level.INFO, String.format(format, args), null);
    }

    public void warn(final Object o) {
        log(Level.WARNING, o, null);
    }

    public void warn(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }

    public void warn(final Throwable t) {
        log(Level.WARNING, t == null ? null : t.getMessage(), t);
    }

    public void warn(final Supplier<Object> s) {
        log(Level.WARNING, s, null);
    }

    public void warnWithFormat(final String format, final Object... args) {
        log(Level.WARNING, String.format(format, args), null);
    }

    public void error(final Object o) {
        log(Level.SEVERE, o, null);
    }

    public void error(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    public void error(final Throwable t) {
        log(Level.SEVERE, t == null ? null : t.getMessage(), t);
    }

    public void error(final Supplier<Object> s) {
        log(Level.SEVERE, s, null);
    }

    public void errorWithFormat(final String format, final Object... args) {
        log(Level.SEVERE, String.format(format, args), null);
    }

    public void fatal(final Object o) {
        log(Level.SEVERE, o, null);
    }

    public void fatal(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    public void fatal(final Throwable t) {
        log(Level.SEVERE, t == null ? null : t.getMessage(), t);
    }

    public void coding(final Object o) {
        log(Level.WARNING, o, null);
    }

    public void coding(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }
}
