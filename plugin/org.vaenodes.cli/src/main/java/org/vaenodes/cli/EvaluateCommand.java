package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Mean loss of a model over all images of an IDX file or folder (dropout off, fixed ε seed); "
                + "with --scores, every image's anomaly scores as CSV.")
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Mixin
    ModelFileOption model;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--eps-seed", paramLabel = "S", description = "Seed of the ε draws (default: ${DEFAULT-VALUE}).")
    long epsSeed = 1234;

    @Option(names = "--scores", paramLabel = "FILE.csv",
            description = "Also write index[,label][,file],reconstruction_error,negative_elbo for every image (the "
                    + "model's loss terms at the latent mean, no ε; higher: more anomalous).")
    Path scores;

    @Override
    public Integer call() throws Exception {
        model.addTo(input.addTo(new PathChecks())).output("--scores", scores).check();
        cli.startBackend();
        try (VaeModel vae = model.open()) {
            InputImages data = input.read(vae.config());
            VaeModel.Evaluation e = vae.evaluate(data.images(), epsSeed);
            System.out.printf(Locale.ROOT, "loss: %.4f reconstruction: %.4f kl: %.4f%n", e.loss(), e.reconstruction(), e.kl());
            if (scores != null) {
                ImageScoresCsv.write(vae, data, scores);
                System.out.println("wrote " + scores);
            }
        }
        return 0;
    }
}
