package org.vaenodes.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Writing files so that a reader never sees half of one: the content goes to a temporary file in the target's
 * folder, which is then moved onto the target (atomically where the file system can). On failure the target is
 * left as it was and the temporary file is removed. Temporary files get the permissions of any new file (the
 * user's umask), unlike {@link Files#createTempFile}, whose owner-only files would end up as the result.
 *
 * <p>Temporary files are named {@code .<target name>.<hex>.tmp}. Those still open are deleted by a shutdown
 * hook when the JVM is stopped (SIGINT, SIGTERM, {@code System.exit}); those a killed or crashed process left
 * behind are deleted by the next write to the same target, once they are {@value #STALE_AFTER_SECONDS} s old.
 * Failures are reported as a {@link FileSystemException} naming the target and the reason, e.g.
 * {@code "/data/model.zip: cannot write: No space left on device"}.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A temporary file that another process may still be writing is younger than this: its writer flushes every
     * few kilobytes. Deleting only older ones keeps two processes writing the same target from breaking each
     * other's write.
     */
    static final long STALE_AFTER_SECONDS = 60;

    /** Temporary files of this JVM not yet moved or deleted: what the shutdown hook deletes. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_ADDED = new AtomicBoolean();

    private AtomicFiles() {
    }

    /**
     * Finished content in a temporary file, not yet moved onto its target: several outputs can be staged and then
     * committed together, so a failure while producing any of them leaves none written. {@link #close()} deletes
     * the temporary file unless {@link #commit()} moved it.
     */
    public static final class Staged implements Closeable {
        private final Path target;
        private final Path tmp;
        private boolean done;

        private Staged(Path target, Path tmp) {
            this.target = target;
            this.tmp = tmp;
        }

        /** The absolute target path. */
        public Path target() {
            return target;
        }

        /** Moves the content onto the target. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException(target + " was already committed or discarded");
            }
            try {
                moveIntoPlace(tmp, target);
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
            done = true;
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                try {
                    Files.deleteIfExists(tmp);
                } finally {
                    LIVE.remove(tmp);
                }
            }
        }
    }

    public static void write(Path file, Content content) throws IOException {
        try (Staged staged = stage(file, content)) {
            staged.commit();
        }
    }

    /** Writes the content to a temporary file beside {@code file}; the caller commits or closes the result. */
    public static Staged stage(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Staged staged = new Staged(target, tempFileBeside(target));
        try {
            try (OutputStream out = Files.newOutputStream(staged.tmp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            return staged;
        } catch (IOException e) {
            closeQuietly(staged, e);
            throw cannotWrite(target, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(staged, e);
            throw e;
        }
    }

    /**
     * Creates an empty, hidden temporary file in {@code target}'s folder (creating the folder if needed), first
     * deleting stale temporary files an earlier, killed write to the same target left behind. Until
     * {@link #moveIntoPlace} moves it, the shutdown hook deletes it when the JVM stops.
     */
    public static Path tempFileBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        createFolder(absolute, dir);
        String name = absolute.getFileName().toString();
        deleteStaleTemps(dir, name);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            // registered before it exists, so that no signal can come between creating and registering it
            register(tmp);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(tmp);
                if (attempt > 100) {
                    throw cannotWrite(absolute, e);
                }
            } catch (AccessDeniedException e) {
                LIVE.remove(tmp);
                throw named(absolute, "the folder " + dir + " is not writable (permission denied)", e);
            } catch (IOException e) {
                LIVE.remove(tmp);
                throw cannotWrite(absolute, e);
            }
        }
    }

    /** Moves a finished temporary file onto {@code target}: atomically where possible, else replacing it. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        LIVE.remove(tmp);
    }

    /** Whether {@code file} is named like one of this class's temporary files for {@code target}. */
    public static boolean isTempFileOf(Path file, Path target) {
        Path name = file.getFileName();
        Path targetName = target.getFileName();
        return name != null && targetName != null
                && tempPattern(targetName.toString()).matcher(name.toString()).matches();
    }

    /** Deletes the temporary files not yet moved or deleted: the shutdown hook's work. */
    static void deleteLiveTemps() {
        for (Path tmp : LIVE) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the JVM is stopping: nothing left to report to
            }
            LIVE.remove(tmp);
        }
    }

    /** The temporary files not yet moved or deleted (a copy). */
    static Set<Path> liveTemps() {
        return Set.copyOf(LIVE);
    }

    private static void register(Path tmp) {
        if (HOOK_ADDED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteLiveTemps, "vae-nodes temp-file cleanup"));
            } catch (IllegalStateException e) {
                // already shutting down: each write's own clean-up on failure is all that is left
            }
        }
        LIVE.add(tmp);
    }

    private static Pattern tempPattern(String targetName) {
        return Pattern.compile("\\." + Pattern.quote(targetName) + "\\.[0-9a-f]{1,16}\\.tmp");
    }

    private static void deleteStaleTemps(Path dir, String targetName) {
        Pattern pattern = tempPattern(targetName);
        Instant staleBefore = Instant.now().minus(Duration.ofSeconds(STALE_AFTER_SECONDS));
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir,
                p -> pattern.matcher(p.getFileName().toString()).matches())) {
            for (Path tmp : candidates) {
                if (LIVE.contains(tmp)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(tmp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            // best effort: a leftover temporary file must never stop a write
        }
    }

    private static void createFolder(Path target, Path dir) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw named(target, existing + " is " + FileKind.of(existing).description() + ", not a folder", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static FileSystemException cannotWrite(Path target, IOException e) {
        if (e instanceof WriteFailure w && target.toString().equals(w.getFile())) {
            return w;
        }
        return named(target, reasonOf(e), e);
    }

    private static String reasonOf(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() == null ? reason : f.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static FileSystemException named(Path target, String reason, Throwable cause) {
        WriteFailure e = new WriteFailure(target, reason);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** Marks a failure this class has already named, so that it is not wrapped a second time. */
    private static final class WriteFailure extends FileSystemException {
        private static final long serialVersionUID = 1L;

        WriteFailure(Path target, String reason) {
            super(target.toString(), null, "cannot write: " + reason);
        }
    }

    private static void closeQuietly(Staged staged, Throwable failure) {
        try {
            staged.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
