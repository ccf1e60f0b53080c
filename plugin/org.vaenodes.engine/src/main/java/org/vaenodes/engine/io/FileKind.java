package org.vaenodes.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path names, found from its attributes without opening it: opening a named pipe blocks until a writer
 * comes, so readers and writers ask this first and refuse anything but a regular file. Symbolic links are
 * followed; a dangling link is {@link #MISSING}.
 */
public enum FileKind {
    REGULAR_FILE("a regular file"),
    DIRECTORY("a folder"),
    NAMED_PIPE("a named pipe (FIFO)"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    OTHER("a special file"),
    MISSING("missing");

    /** File-type bits of st_mode, as the JDK's "unix:mode" attribute reports them. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** "a folder", "a named pipe (FIFO)", ...: for messages such as "x: is a folder, not a regular file". */
    public String description() {
        return description;
    }

    public static FileKind of(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return MISSING;
        }
        if (attributes.isRegularFile()) {
            return REGULAR_FILE;
        }
        if (attributes.isDirectory()) {
            return DIRECTORY;
        }
        return specialKind(path);
    }

    private static FileKind specialKind(Path path) {
        Object mode;
        try {
            mode = Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a POSIX file system: the generic word has to do
            return OTHER;
        }
        if (!(mode instanceof Integer m)) {
            return OTHER;
        }
        return switch (m & S_IFMT) {
            case S_IFIFO -> NAMED_PIPE;
            case S_IFCHR -> CHARACTER_DEVICE;
            case S_IFBLK -> BLOCK_DEVICE;
            case S_IFSOCK -> SOCKET;
            default -> OTHER;
        };
    }
}
