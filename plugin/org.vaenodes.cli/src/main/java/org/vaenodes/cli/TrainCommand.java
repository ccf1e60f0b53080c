package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.io.AtomicFiles;
import org.vaenodes.engine.model.VaeModelFile;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.TrainingResult;
import org.vaenodes.engine.train.VaeTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE on an IDX image file or a folder of PNG/JPEG files and save the model (a zip).")
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

    @Override
    public Integer call() throws Exception {
        input.addTo(new PathChecks())
                .output("--out", out).output("--loss-csv", lossCsv).check();
        InputImages data = input.read();
        VaeConfig config = training.applyTo(architecture.applyTo(VaeConfig.builder().channels(data.images().channels()),
                data.images().height(), data.images().width())).build();
        // before the backend starts: a run that cannot fit is refused with nothing allocated or written
        long idxBytes = data.heapBytes();
        MemoryEstimate.training(config, data.size(), idxBytes, false).check(MemoryBudget.current());
        cli.startBackend();
        System.out.printf(Locale.ROOT, "training on %d images of %d×%d: %s%n", data.size(), config.height(),
                config.width(), config.summary());
        TrainingResult result;
        try (LossCsvWriter csv = lossCsv == null ? null : new LossCsvWriter(lossCsv)) {
            ProgressPrinter progress = new ProgressPrinter(System.out, 2000);
            TrainingListener listener = csv == null ? progress : p -> {
                progress.iterationDone(p);
                csv.iterationDone(p);
            };
            TrainingResult trained = new VaeTrainer(config).train(data.images(), listener, () -> false);
            result = trained;
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
