package org.knime.core.node;

/** Stand-in for KNIME's {@code CanceledExecutionException}: thrown when the user cancelled the execution. */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    public CanceledExecutionException(final String message) {
        super(message);
    }
}
