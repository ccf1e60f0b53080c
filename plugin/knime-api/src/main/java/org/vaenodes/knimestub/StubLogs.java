package org.vaenodes.knimestub;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what {@link org.knime.core.node.NodeLogger}s log (the stand-in logs through java.util.logging):
 *
 * <pre>
 * try (StubLogs.Capture logs = StubLogs.capture()) {
 *     ... node code ...
 *     assertTrue(logs.messages(Level.WARNING).contains("..."));
 * }
 * </pre>
 */
public final class StubLogs {

    private StubLogs() {
    }

    /** Starts capturing all levels (debug included) until the capture is closed. */
    public static Capture capture() {
        return new Capture();
    }

    /** Captured log records; {@link #close()} stops capturing and restores the root level. */
    public static final class Capture extends Handler implements AutoCloseable {

        private final List<LogRecord> m_records = new ArrayList<>();

        private final Logger m_root = Logger.getLogger("");

        private final Level m_oldLevel;

        Capture() {
            m_oldLevel = m_root.getLevel();
            setLevel(Level.ALL);
            m_root.setLevel(Level.ALL);
            m_root.addHandler(this);
        }

        @Override
        public synchronized void publish(final LogRecord record) {
            m_records.add(record);
        }

        /** All captured records, oldest first. */
        public synchronized List<LogRecord> records() {
            return new ArrayList<>(m_records);
        }

        /** Messages logged at exactly the given level (FINE = debug, INFO, WARNING = warn/coding, SEVERE = error). */
        public synchronized List<String> messages(final Level level) {
            List<String> r = new ArrayList<>();
            for (LogRecord rec : m_records) {
                if (rec.getLevel().equals(level)) {
                    r.add(rec.getMessage());
                }
            }
            return r;
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            m_root.removeHandler(this);
            m_root.setLevel(m_oldLevel);
        }
    }
}
