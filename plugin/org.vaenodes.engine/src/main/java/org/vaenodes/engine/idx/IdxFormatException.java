package org.vaenodes.engine.idx;

import java.io.IOException;

/**
 * An IDX file (or stream) that cannot be read: its message always starts with the file or source name,
 * followed by what is wrong, e.g. {@code "t10k-images-idx3-ubyte.gz: bad magic number 0x00000801, ..."}.
 */
public class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public IdxFormatException(String source, String problem) {
        this(source, problem, null);
    }

    public IdxFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or source name the problem was found in. */
    public String source() {
        return source;
    }

    /** What is wrong, without the source name. */
    public String problem() {
        return problem;
    }
}
