package org.vaenodes.engine.model;

import java.io.IOException;

/** A model file that cannot be read: not a model, another format version, or damaged. Names the file. */
public class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }
}
