package org.vaenodes.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vaenodes.engine.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Write each image's latent mean and log-std as CSV (index[,label],z_mean_*,z_logstd_*).")
final class EncodeCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Mixin
    ModelFileOption model;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv")
    Path out;

    @Override
    public Integer call() throws Exception {
        model.addTo(input.addTo(new PathChecks()))
                .output("--out", out).check();
        cli.startBackend();
        try (VaeModel vae = model.open()) {
            InputImages data = input.read(vae.config());
            VaeModel.Encoding enc = vae.encode(data.values(0, data.size()), data.size());
            int k = enc.latentSize();
            OutputFiles.writeText(out, w -> {
                StringBuilder header = new StringBuilder("index");
                if (data.hasLabels()) {
                    header.append(",label");
                }
                for (int j = 0; j < k; j++) {
                    header.append(",z_mean_").append(j);
                }
                for (int j = 0; j < k; j++) {
                    header.append(",z_logstd_").append(j);
                }
                w.write(header.append('\n').toString());
                for (int i = 0; i < enc.count(); i++) {
                    StringBuilder row = new StringBuilder().append(i);
                    if (data.hasLabels()) {
                        row.append(',').append(InputImages.csv(data.label(i)));
                    }
                    for (int j = 0; j < k; j++) {
                        row.append(',').append(String.format(Locale.ROOT, "%.6f", enc.mean()[i * k + j]));
                    }
                    for (int j = 0; j < k; j++) {
                        row.append(',').append(String.format(Locale.ROOT, "%.6f", enc.logStd()[i * k + j]));
                    }
                    w.write(row.append('\n').toString());
                }
            });
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
