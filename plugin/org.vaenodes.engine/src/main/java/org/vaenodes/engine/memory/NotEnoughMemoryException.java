package org.vaenodes.engine.memory;

import org.vaenodes.engine.model.InvalidConfigException;

/**
 * A run whose memory estimate exceeds what this JVM may use; refused before anything is allocated. The message
 * gives the estimate, the limit and what to change.
 */
public class NotEnoughMemoryException extends InvalidConfigException {
    private static final long serialVersionUID = 1L;

    public NotEnoughMemoryException(String message) {
        super(message);
    }
}
