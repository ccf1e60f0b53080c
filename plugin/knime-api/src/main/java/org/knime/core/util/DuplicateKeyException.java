package org.knime.core.util;

/** Stand-in for KNIME's {@code DuplicateKeyException}: a row key was added twice to a table. */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(final String message) {
        super(message);
    }
}
