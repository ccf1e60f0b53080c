package org.knime.core.data.container;

/** Stand-in for KNIME's {@code RowFlushable}. */
public interface RowFlushable {
}
