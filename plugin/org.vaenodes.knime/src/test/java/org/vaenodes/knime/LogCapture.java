package org.vaenodes.knime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what a class's {@code NodeLogger} writes, through the stand-in's {@code java.util.logging} logger of
 * the same name, from FINE (KNIME's DEBUG) up; closing it puts the logger back as it was.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger m_logger;

    private final Level m_oldLevel;

    private final List<LogRecord> m_records = new CopyOnWriteArrayList<>();

    private LogCapture(final Logger logger) {
        m_logger = logger;
        m_oldLevel = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.FINE);
        logger.addHandler(this);
    }

    /** Starts collecting the messages of the logger of {@code type}. */
    public static LogCapture of(final Class<?> type) {
        return new LogCapture(Logger.getLogger(type.getName()));
    }

    /** The messages logged at exactly {@code level} so far, in order. */
    public List<String> messages(final Level level) {
        return m_records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(final LogRecord record) {
        m_records.add(record);
    }

    @Override
    public void flush() {
        // records are kept in memory
    }

    @Override
    public void close() {
        m_logger.removeHandler(this);
        m_logger.setLevel(m_oldLevel);
    }
}
