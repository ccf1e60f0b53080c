package org.vaenodes.cli;

/**
 * The command line asks for something that cannot be done as given (a value out of range, an output that is one
 * of the inputs): reported in one line with exit code 2, like picocli's own parse errors.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
