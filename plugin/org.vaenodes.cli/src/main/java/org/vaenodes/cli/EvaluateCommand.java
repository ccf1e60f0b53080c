package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Mean loss of a model over a whole IDX image file (dropout off, fixed ε seed).")
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Mixin
    ModelFileOption model;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--eps-seed", paramLabel = "S", description = "Seed of the ε draws (default: ${DEFAULT-VALUE}).")
    long epsSeed = 1234;

    @Override
    public Integer call() throws Exception {
        model.addTo(input.addTo(new PathChecks())).check();
        cli.startBackend();
        IdxDataset data = input.read();
        try (VaeModel vae = model.open()) {
            Inputs.checkSize(vae, data, input.images);
            VaeModel.Evaluation e = vae.evaluate(data.images(), epsSeed);
            System.out.printf(Locale.ROOT, "loss: %.4f reconstruction: %.4f kl: %.4f%n", e.loss(), e.reconstruction(), e.kl());
        }
        return 0;
    }
}
