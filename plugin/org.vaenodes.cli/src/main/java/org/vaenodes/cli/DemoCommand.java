package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.data.BuiltinMnist;
import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.engine.train.TrainingControl;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.TrainingProgress;
import org.vaenodes.engine.train.TrainingResult;
import org.vaenodes.engine.train.TrainingRun;
import org.vaenodes.engine.train.TrainingSnapshot;
import org.vaenodes.engine.train.VaeTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Built-in MNIST test set → train → reconstruct → sample. Writes reconstructions.png "
                + "(originals above reconstructions), samples.png, loss.csv and model.zip into --out, and the "
                + "training snapshots into its snapshots/ folder.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Option(names = "--iterations", paramLabel = "N", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("demo-output");

    @Option(names = "--snapshot-every", paramLabel = "N", description = "Write snapshots/iteration-<n>.png and"
            + " snapshots/samples-<n>.png after iteration 0, N, 2N, … and the last; 0 = none (default:"
            + " ${DEFAULT-VALUE}).")
    int snapshotEvery = 250;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--iterations", iterations, 1);
        Arguments.atLeast("--snapshot-every", snapshotEvery, 0);
        Path snapshotDir = out.resolve("snapshots");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException("--out " + out + ": is not a folder; the demo writes four files into it");
        }
        new PathChecks().output("--out", out.resolve("model.zip")).output("--out", out.resolve("loss.csv"))
                .output("--out", out.resolve("reconstructions.png")).output("--out", out.resolve("samples.png"))
                .output("--out", snapshotEvery == 0 ? null : SnapshotFiles.comparison(snapshotDir, 0)).check();
        cli.startBackend();
        IdxDataset data = BuiltinMnist.load();
        VaeConfig config = VaeConfig.builder().iterations(iterations).seed(seed).build();
        System.out.printf(Locale.ROOT, "demo: %d iterations on the built-in MNIST test set (%d images); %s%n",
                iterations, data.size(), config.summary());
        ProgressPrinter progress = new ProgressPrinter(System.out, 3000);
        SnapshotFiles snapshots = new SnapshotFiles(System.out, snapshotDir);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iterationDone(TrainingProgress p) {
                progress.iterationDone(p);
            }

            @Override
            public void snapshotTaken(TrainingSnapshot s) {
                snapshots.taken(s);
            }
        };
        TrainingResult result;
        try {
            result = new VaeTrainer(config).train(data.images(), TrainingRun.PLAIN.withSnapshotEvery(snapshotEvery),
                    listener, () -> false, new TrainingControl());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // a snapshot picture that could not be written
        }
        Files.createDirectories(out);
        try (VaeModel model = result.model()) {
            VaeModelFile.save(model, out.resolve("model.zip"));
            OutputFiles.writeLossCsv(out.resolve("loss.csv"), result);
            ReconstructCommand.write(model, data, 16, 8, out.resolve("reconstructions.png"));
            SampleCommand.write(model, 64, 8, seed, out.resolve("samples.png"));
            VaeModel.Evaluation e = model.evaluate(data.images(), 1234);
            System.out.printf(Locale.ROOT, "loss over all %d images (dropout off): %.3f (reconstruction %.3f, kl %.3f)%n",
                    e.images(), e.loss(), e.reconstruction(), e.kl());
        }
        System.out.println("wrote " + out.resolve("reconstructions.png") + ", " + out.resolve("samples.png") + ", "
                + out.resolve("loss.csv") + ", " + out.resolve("model.zip")
                + (snapshotEvery == 0 ? "" : " and the snapshots in " + snapshotDir));
        return 0;
    }
}
