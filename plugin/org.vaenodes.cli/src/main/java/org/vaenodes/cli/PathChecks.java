package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vaenodes.engine.io.FileKind;

/**
 * The files a command reads and writes, checked together before any work starts, so that a run that would fail
 * at its last step (an unwritable loss CSV after an hour of training) or destroy its own input (an output
 * that is an input under another name) fails at once and writes nothing:
 * <ul>
 * <li>every input exists and is a regular file (checked without opening it: a named pipe would block);
 * <li>no output is an input or another output, compared as real paths (so {@code dir/../x} and symbolic links
 * count) and, where both exist, as the same file;
 * <li>an output that exists is a regular file (moving onto a device node would replace it);
 * <li>an output's nearest existing folder is a folder and writable (missing folders are created when writing).
 * </ul>
 * Conflicts between arguments are {@link UsageException}s (exit code 2), problems with the files themselves
 * {@link IOException}s (exit code 1).
 */
final class PathChecks {

    private record Entry(String option, Path path) {
        String label() {
            return option + " " + path;
        }
    }

    private final List<Entry> inputs = new ArrayList<>();
    private final List<Entry> outputs = new ArrayList<>();
    private final List<Entry> folders = new ArrayList<>();

    /** A file the command reads; ignored when null (an optional option not given). */
    PathChecks input(String option, Path path) {
        if (path != null) {
            inputs.add(new Entry(option, path));
        }
        return this;
    }

    /** A folder the command reads (every image file below it); ignored when null. */
    PathChecks inputFolder(String option, Path path) {
        if (path != null) {
            folders.add(new Entry(option, path));
        }
        return this;
    }

    /** A file the command writes; ignored when null. */
    PathChecks output(String option, Path path) {
        if (path != null) {
            outputs.add(new Entry(option, path));
        }
        return this;
    }

    void check() throws IOException {
        for (Entry in : inputs) {
            checkInput(in);
        }
        for (Entry in : folders) {
            FileKind kind = FileKind.of(in.path());
            if (kind != FileKind.DIRECTORY) {
                throw new IOException(in.label() + ": is " + kind.description() + ", not a folder");
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            Entry out = outputs.get(i);
            for (Entry in : inputs) {
                if (sameFile(out.path(), in.path())) {
                    throw new UsageException(out.label() + " is the same file as " + in.label()
                            + ": writing it would destroy the input; choose another output file");
                }
            }
            for (Entry earlier : outputs.subList(0, i)) {
                if (sameFile(out.path(), earlier.path())) {
                    throw new UsageException(out.label() + " is the same file as " + earlier.label()
                            + ": one output would overwrite the other; choose another file");
                }
            }
            checkOutput(out);
        }
    }

    private static void checkInput(Entry in) throws IOException {
        FileKind kind = FileKind.of(in.path());
        if (kind == FileKind.MISSING) {
            throw new IOException(in.label() + ": no such file");
        }
        if (kind != FileKind.REGULAR_FILE) {
            throw new IOException(in.label() + ": is " + kind.description() + ", not a regular file");
        }
    }

    private static void checkOutput(Entry out) throws IOException {
        FileKind kind = FileKind.of(out.path());
        if (kind != FileKind.MISSING && kind != FileKind.REGULAR_FILE) {
            throw new IOException(out.label() + ": is " + kind.description()
                    + ", not a regular file; name a file to write");
        }
        Path folder = out.path().toAbsolutePath().getParent();
        while (folder != null && FileKind.of(folder) == FileKind.MISSING) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return;
        }
        FileKind folderKind = FileKind.of(folder);
        if (folderKind != FileKind.DIRECTORY) {
            throw new IOException(out.label() + ": " + folder + " is " + folderKind.description()
                    + ", not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException(out.label() + ": the folder " + folder + " is not writable");
        }
    }

    /**
     * Existing files are compared by identity (this also catches hard links); otherwise by real path of the
     * folder plus name, falling back to the normalized absolute path where even the folder is missing (then
     * {@code missing/../x} is {@code x}, which is where creating the folders and writing would end up).
     */
    static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // fall back to comparing paths
            }
        }
        return identity(a).equals(identity(b));
    }

    private static Path identity(Path p) {
        Path absolute = p.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // does not exist (yet): try its folder
        }
        Path parent = absolute.getParent();
        Path name = absolute.getFileName();
        if (parent != null && name != null) {
            try {
                return parent.toRealPath().resolve(name);
            } catch (IOException e) {
                // the folder is missing too
            }
        }
        return absolute.normalize();
    }
}
