package org.vaenodes.engine.model;

/** A {@link VaeConfig} whose settings cannot work together; the message names the setting. */
public class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
