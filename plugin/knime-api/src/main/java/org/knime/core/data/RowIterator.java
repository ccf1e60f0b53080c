package org.knime.core.data;

import java.util.Iterator;

/** Stand-in for KNIME's {@code RowIterator}: a read-only iterator over rows. */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Rows cannot be removed from a KNIME table.");
    }
}
