package org.knime.core.node;

/** Stand-in for KNIME's {@code NotConfigurableException}: a dialog cannot be opened (e.g. no suitable input). */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotConfigurableException(final String message) {
        super(message);
    }
}
