package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code DataCellFactory}: creates cells of one type. Only the type hierarchy is here; the
 * nodes create PNG cells with the static {@code PNGImageCellFactory.create(byte[])}.
 */
public interface DataCellFactory {

    /** Factories that create cells from a byte stream. */
    interface FromInputStream extends DataCellFactory {
    }
}
