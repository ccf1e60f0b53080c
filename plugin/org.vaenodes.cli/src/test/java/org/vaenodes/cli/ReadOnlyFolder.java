package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;

/**
 * Makes a folder read-only for the test and writable again on close. Permission bits stop no root user, so
 * where they do not suffice the folder is also made immutable with chattr(1), which stops root too; where
 * neither is possible the calling test is skipped with the reason.
 */
final class ReadOnlyFolder implements AutoCloseable {

    private final Path folder;
    private final boolean immutable;

    private ReadOnlyFolder(Path folder, boolean immutable) {
        this.folder = folder;
        this.immutable = immutable;
    }

    static ReadOnlyFolder make(Path folder) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(folder).supportsFileAttributeView("posix"),
                "no POSIX permissions on this file system: read-only test skipped");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(folder)) {
            return new ReadOnlyFolder(folder, false);
        }
        boolean locked = chattr("+i", folder) && !Files.isWritable(folder);
        ReadOnlyFolder result = new ReadOnlyFolder(folder, locked);
        if (!locked) {
            result.close();
            Assumptions.abort("this user may write to a read-only folder (root) and chattr +i is not available:"
                    + " read-only test skipped");
        }
        return result;
    }

    private static boolean chattr(String flag, Path folder) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (immutable && !chattr("-i", folder)) {
            throw new IOException("chattr -i " + folder + " failed: the folder stays immutable");
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
