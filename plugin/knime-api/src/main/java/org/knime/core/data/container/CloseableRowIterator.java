package org.knime.core.data.container;

import java.io.Closeable;
import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.RowIterator;

/** Stand-in for KNIME's {@code CloseableRowIterator}: a row iterator that should be closed when left early. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    @Override
    public abstract void close();

    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator) {
        return from(iterator, null);
    }

    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator, final AutoCloseable onClose) {
        return new CloseableRowIterator() {
            private boolean m_closed;

            @Override
            public boolean hasNext() {
                return !m_closed && iterator.hasNext();
            }

            @Override
            public DataRow next() {
                if (m_closed) {
                    throw new java.util.NoSuchElementException("Iterator is closed.");
                }
                return iterator.next();
            }

            @Override
            public void close() {
                if (m_closed) {
                    return;
                }
                m_closed = true;
                if (onClose != null) {
                    try {
                        onClose.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("Closing the row iterator failed: " + e.getMessage(), e);
                    }
                }
            }
        };
    }
}
