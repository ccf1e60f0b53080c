package org.vaenodes.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.io.AtomicFiles;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE on an IDX image file and save the model (a zip).")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Where to write the trained model.")
    Path out;

    @Option(names = "--loss-csv", paramLabel = "FILE", description = "Write iteration,loss,reconstruction,kl,elapsed_s for every iteration (streamed while training).")
    Path lossCsv;

    @Mixin
    ArchitectureOptions architecture;

    @Mixin
    TrainingOptions training;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainingRun trainingRun = run.toRun();
        if (run.resume != null) {
            refuseArchitectureOptions();
        }
        input.addTo(new PathChecks()).input("--resume", run.resume)
                .output("--out", out).output("--loss-csv", lossCsv)
                .output("--snapshot-dir", run.snapshotDir == null ? null : SnapshotFiles.comparison(run.snapshotDir, 0))
                .check();
        IdxDataset data = input.read();
        VaeModel from = run.resume == null ? null : VaeModelFile.load(run.resume);
        try {
            return train(data, from, trainingRun);
        } finally {
            if (from != null) {
                from.close();
            }
        }
    }

    /** The architecture of a continued model is its own; an option that would change it is a mistake. */
    private void refuseArchitectureOptions() {
        for (OptionSpec o : spec.mixins().get("architecture").options()) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new UsageException(o.longestName() + " cannot be used with --resume " + run.resume
                        + ": the architecture comes from the model; leave the architecture options out");
            }
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private Integer train(IdxDataset data, VaeModel from, TrainingRun trainingRun) throws Exception {
        VaeConfig config;
        if (from == null) {
            config = training.applyTo(architecture.applyTo(VaeConfig.builder(), data.images().height(),
                    data.images().width())).build();
        } else {
            if (from.config().height() != data.images().height() || from.config().width() != data.images().width()) {
                throw new UsageException("--images " + input.images + ": the images are " + data.images().height() + "×"
                        + data.images().width() + ", the model --resume " + run.resume + " is for "
                        + from.config().height() + "×" + from.config().width() + " images");
            }
            config = training.applyGiven(from.config().toBuilder(), this::given).build();
            System.out.printf(Locale.ROOT, "continuing %s after %d iterations%s%n", run.resume,
                    from.iterationsTrained(), from.optimizerState() == null ? "" : " (with its optimizer state)");
        }
        // before the backend starts: a run that cannot fit is refused with nothing allocated or written
        long idxBytes = (long) data.size() * config.pixels();
        MemoryEstimate.training(config, data.size(), idxBytes, false).check(MemoryBudget.current());
        cli.startBackend();
        System.out.printf(Locale.ROOT, "training on %d images of %d×%d: %s%n", data.size(), config.height(),
                config.width(), config.summary());
        TrainingResult result;
        try (LossCsvWriter csv = lossCsv == null ? null : new LossCsvWriter(lossCsv)) {
            ProgressPrinter progress = new ProgressPrinter(System.out, 2000);
            SnapshotFiles snapshots = new SnapshotFiles(System.out, run.snapshotDir);
            TrainingListener listener = new TrainingListener() {
                @Override
                public void iterationDone(TrainingProgress p) {
                    progress.iterationDone(p);
                    if (csv != null) {
                        csv.iterationDone(p);
                    }
                }

                @Override
                public void snapshotTaken(TrainingSnapshot s) {
                    snapshots.taken(s);
                }
            };
            VaeTrainer trainer = new VaeTrainer(config);
            TrainingResult trained;
            try {
                trained = from == null
                        ? trainer.train(data.images(), trainingRun, listener, () -> false, new TrainingControl())
                        : trainer.resume(from, data.images(), trainingRun, listener, () -> false, new TrainingControl());
            } catch (UncheckedIOException e) {
                throw e.getCause(); // a snapshot picture that could not be written
            }
            result = trained;
            if (trained.ending().early() || trained.ending().modelIterations() != trained.iterations()) {
                System.out.println(trained.ending().message());
            }
            trained.notes().forEach(n -> System.out.println("note: " + n));
            // both outputs or neither: the model is written beside its target before either is moved into place
            try (AtomicFiles.Staged model = AtomicFiles.stage(out, o -> VaeModelFile.write(trained.model(), o))) {
                if (csv != null) {
                    csv.commit();
                }
                model.commit();
            }
        }
        System.out.printf(Locale.ROOT, "saved %s (final training loss %.3f)%n", out, result.model().finalLoss());
        return 0;
    }
}
