package org.vaenodes.cli;

import java.io.PrintWriter;

import org.vaenodes.engine.nd4j.NativeBackend;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code java -jar vae-cli.jar COMMAND ...}: the VAE pipeline without KNIME. */
@Command(name = "vae-cli", mixinStandardHelpOptions = true, version = "VAE Nodes CLI 0.1.0",
        description = "Train and use a convolutional variational autoencoder on IDX (MNIST-format) images.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ReconstructCommand.class, SampleCommand.class,
                EncodeCommand.class, BenchCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class VaeCli implements Runnable {

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Threads for the native backend (default: all cores).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Starts the native backend with the requested threads; every command calls this first. */
    void startBackend() {
        NativeBackend.start();
        NativeBackend.setThreads(threads);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new VaeCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + CliErrors.describe(e));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
