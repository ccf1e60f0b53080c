package org.vaenodes.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Training and inference speed benchmark.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench: not wired yet");
    }
}
