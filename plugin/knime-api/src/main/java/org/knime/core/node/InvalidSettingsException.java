package org.knime.core.node;

/**
 * Stand-in for KNIME's {@code InvalidSettingsException}: thrown when settings are missing, of the wrong type or
 * out of range.
 */
public class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(final String message) {
        super(message);
    }

    public InvalidSettingsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
