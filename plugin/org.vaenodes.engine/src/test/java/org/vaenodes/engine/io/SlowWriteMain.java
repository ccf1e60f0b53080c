package org.vaenodes.engine.io;

import java.nio.file.Path;

/**
 * A process stopped in the middle of a write, for {@link AtomicFilesTest}: writes a little of {@code args[0]}
 * through {@link AtomicFiles}, prints the temporary file's name, then waits to be killed. Only the JDK and
 * AtomicFiles are on its class path, so it starts in a fraction of a second.
 */
public final class SlowWriteMain {

    private SlowWriteMain() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        AtomicFiles.write(target, out -> {
            out.write(new byte[4096]);
            out.flush();
            for (Path tmp : AtomicFiles.liveTemps()) {
                System.out.println("writing " + tmp);
            }
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
