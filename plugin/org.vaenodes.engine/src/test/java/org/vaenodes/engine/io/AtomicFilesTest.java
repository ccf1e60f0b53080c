package org.vaenodes.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWriteThatFailsNamesTheTargetAndWhyAndLeavesTheOldContent() throws IOException {
        Path target = dir.resolve("model.zip");
        Files.write(target, bytes("old"));
        // What FileOutputStream.write throws on a full disk: no path in it.
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(bytes("half"));
            throw new IOException("No space left on device");
        })).isInstanceOf(FileSystemException.class)
                .hasMessage(target.toAbsolutePath() + ": cannot write: No space left on device");
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes("old"));
        assertThat(names()).containsExactly("model.zip");
    }

    @Test
    void aParentThatIsAFileIsNamed() throws IOException {
        Path file = Files.write(dir.resolve("notes.txt"), bytes("x"));
        Path target = file.resolve("sub/model.zip");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(target.toAbsolutePath() + ": cannot write: " + file.toAbsolutePath()
                        + " is a regular file, not a folder");
        assertThat(names()).containsExactly("notes.txt");
    }

    @Test
    void staleTempFilesOfTheSameTargetAreDeletedByTheNextWrite() throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Path target = dir.resolve("m.zip");
        Path stale = Files.write(dir.resolve(".m.zip.1f2e3d4c5b6a7988.tmp"), bytes("killed mid-write"));
        Path stale2 = Files.write(dir.resolve(".m.zip.a.tmp"), bytes("killed mid-write"));
        Files.setLastModifiedTime(stale, hourAgo);
        Files.setLastModifiedTime(stale2, hourAgo);
        // Young: another process may be writing it right now.
        Path young = Files.write(dir.resolve(".m.zip.77aa.tmp"), bytes("being written"));
        // Not AtomicFiles' pattern for m.zip: someone else's files.
        List<String> others = List.of(".m.zip.backup.tmp", ".m.zip.1234.tmp.keep", ".other.zip.1234.tmp",
                "m.zip.1234.tmp", ".m.zip.12345678901234567.tmp", ".m.zip.ABCD.tmp", ".xm.zip.1234.tmp");
        for (String other : others) {
            Files.setLastModifiedTime(Files.write(dir.resolve(other), bytes("keep")), hourAgo);
        }
        Files.setLastModifiedTime(Files.createDirectory(dir.resolve(".m.zip.abc.tmp")), hourAgo);

        AtomicFiles.write(target, out -> out.write(bytes("new")));

        assertThat(stale).doesNotExist();
        assertThat(stale2).doesNotExist();
        assertThat(young).exists();
        assertThat(dir.resolve(".m.zip.abc.tmp")).isDirectory();
        for (String other : others) {
            assertThat(dir.resolve(other)).as(other).exists();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes("new"));
        assertThat(AtomicFiles.isTempFileOf(stale, target)).isTrue();
        assertThat(AtomicFiles.isTempFileOf(dir.resolve(".m.zip.backup.tmp"), target)).isFalse();
    }

    @Test
    void stagedFilesAreMovedOnlyOnCommitAndDeletedOnClose() throws IOException {
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        try (AtomicFiles.Staged sa = AtomicFiles.stage(a, out -> out.write(bytes("A")));
                AtomicFiles.Staged sb = AtomicFiles.stage(b, out -> out.write(bytes("B")))) {
            assertThat(a).doesNotExist();
            assertThat(AtomicFiles.liveTemps()).anyMatch(t -> AtomicFiles.isTempFileOf(t, a))
                    .anyMatch(t -> AtomicFiles.isTempFileOf(t, b));
            sa.commit();
            // b is never committed: as when a later output fails
        }
        assertThat(Files.readAllBytes(a)).isEqualTo(bytes("A"));
        assertThat(names()).containsExactly("a.bin");
        assertThat(AtomicFiles.liveTemps()).noneMatch(t -> t.startsWith(dir));

        // A failure while staging the second output leaves the first uncommitted, then removed.
        Path c = dir.resolve("c.bin");
        assertThatThrownBy(() -> {
            try (AtomicFiles.Staged sc = AtomicFiles.stage(c, out -> out.write(bytes("C")));
                    AtomicFiles.Staged sd = AtomicFiles.stage(dir.resolve("d.bin"), out -> {
                        throw new IOException("disk quota exceeded");
                    })) {
                sc.commit();
            }
        }).hasMessageEndingWith("d.bin: cannot write: disk quota exceeded");
        assertThat(names()).containsExactly("a.bin");
    }

    @Test
    void sigtermAndSigintDuringAWriteLeaveNoTemporaryFile() throws Exception {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Assumptions.assumeFalse(os.contains("win"),
                "Windows has no SIGTERM: Process.destroy() ends a process without running its shutdown hooks");
        for (String signal : new String[] {"TERM", "INT"}) {
            Path target = dir.resolve("model-" + signal + ".zip");
            Process child = startSlowWriter(target);
            try {
                Path tmp = awaitTempFile(child);
                if (signal.equals("INT") && ignoresSigint(child)) {
                    // a process started with SIGINT ignored (a background job of a non-interactive shell) keeps
                    // it ignored, the JVM installs no handler, and no Ctrl-C can reach it: nothing to test
                    System.out.println("SIGINT case not run: the child inherited SIGINT as ignored from this JVM's "
                            + "parent (" + Files.readAllLines(Path.of("/proc/" + child.pid() + "/status")).stream()
                                    .filter(l -> l.startsWith("SigIgn")).findFirst().orElse("") + ")");
                    // the child can only be killed outright, which no shutdown hook survives: its temporary file is
                    // this test's own leftover
                    child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                    Files.deleteIfExists(tmp);
                    continue;
                }
                assertThat(tmp).exists();
                assertThat(AtomicFiles.isTempFileOf(tmp, target)).isTrue();
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child ended after SIG" + signal).isTrue();
                assertThat(child.exitValue()).isNotZero();
                assertThat(tmp).as("temporary file after SIG" + signal).doesNotExist();
                assertThat(target).doesNotExist();
            } finally {
                child.destroyForcibly();
            }
        }
        assertThat(names()).isEmpty();
    }

    /** Whether the child ignores SIGINT (bit 1 of SigIgn in Linux's /proc status); false where unknown. */
    private static boolean ignoresSigint(Process child) throws IOException {
        Path status = Path.of("/proc/" + child.pid() + "/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    private static Process startSlowWriter(Path target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = location(AtomicFiles.class) + File.pathSeparator + location(SlowWriteMain.class);
        return new ProcessBuilder(java, "-cp", classPath, SlowWriteMain.class.getName(), target.toString())
                .redirectErrorStream(true).start();
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Path awaitTempFile(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("writing ")) {
                return Path.of(line.substring("writing ".length()));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child wrote no temporary file; its output:\n" + seen);
    }
}
