package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Mean loss of a model over a whole IDX image file (dropout off, fixed ε seed).")
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip")
    Path modelFile;

    @Option(names = "--images", required = true, paramLabel = "FILE")
    Path images;

    @Option(names = "--eps-seed", paramLabel = "S", description = "Seed of the ε draws (default: ${DEFAULT-VALUE}).")
    long epsSeed = 1234;

    @Override
    public Integer call() throws Exception {
        new PathChecks().input("--images", images).input("--model", modelFile).check();
        cli.startBackend();
        IdxDataset data = Inputs.images(images, null);
        try (VaeModel model = Inputs.model(modelFile)) {
            Inputs.checkSize(model, data, images);
            VaeModel.Evaluation e = model.evaluate(data.images(), epsSeed);
            System.out.printf(Locale.ROOT, "loss: %.4f reconstruction: %.4f kl: %.4f%n", e.loss(), e.reconstruction(), e.kl());
        }
        return 0;
    }
}
