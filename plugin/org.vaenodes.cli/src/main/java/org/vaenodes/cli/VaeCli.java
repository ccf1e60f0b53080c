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

    /**
     * More native threads than this many per processor only queue for a core: each extra thread adds switching
     * and per-thread buffers and makes a step slower, never faster.
     */
    static final int MAX_THREADS_PER_PROCESSOR = 4;

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Threads for the native backend, 1 to " + MAX_THREADS_PER_PROCESSOR
                    + "× the available processors (default: all cores).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Starts the native backend with the requested threads; every command calls this first. */
    void startBackend() {
        NativeBackend.start();
        NativeBackend.setThreads(threads == null ? 0 : threads);
    }

    /** Checked before any command runs, so that a bad value fails before data is read or a model trained. */
    void checkOptions() {
        if (threads != null) {
            int processors = Runtime.getRuntime().availableProcessors();
            Arguments.between("--threads", threads, 1, (long) MAX_THREADS_PER_PROCESSOR * processors,
                    MAX_THREADS_PER_PROCESSOR + "× the " + processors + " available processors; more only wait for a core");
        }
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
        VaeCli root = new VaeCli();
        CommandLine cli = new CommandLine(root);
        cli.setExecutionStrategy(parsed -> {
            try {
                root.checkOptions();
            } catch (UsageException e) {
                // picocli hands an ExecutionException's cause to the handler below
                throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + CliErrors.describe(e));
            err.flush();
            return e instanceof UsageException ? cmd.getCommandSpec().exitCodeOnInvalidInput() : 1;
        });
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + CliErrors.oneLine(e.getMessage()) + " (see '"
                    + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }
}
