package org.vaenodes.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.vaenodes.engine.bench.CpuScalingProbe;
import org.vaenodes.engine.bench.OperationCount;
import org.vaenodes.engine.bench.TrainingBenchmark;
import org.vaenodes.engine.data.BuiltinMnist;
import org.vaenodes.engine.data.ImageDataset;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.nd4j.NativeBackend;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Training and inference speed of the seed model: images/s, iteration-time percentiles, "
                + "first iteration, peak RSS.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    VaeCli cli;

    @Option(names = "--iterations", paramLabel = "N", description = "Measured training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = 200;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations left out (default: ${DEFAULT-VALUE}).")
    int warmup = 20;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch = 64;

    @Option(names = "--images", paramLabel = "FILE", description = "IDX images to train on (default: the built-in MNIST test set).")
    Path images;

    @Option(names = "--generate", paramLabel = "N",
            description = "Train on N generated 28×28 images instead (e.g. 60000 for the memory check; at most "
                    + MAX_GENERATED + ").")
    Integer generate;

    @Option(names = "--profile-ops",
            description = "Also time every step of every layer and print where an iteration's time goes: ms, share "
                    + "and GFLOP/s per layer and pass, for training and for reconstruction (timing each step "
                    + "slows the run a little; read the shares).")
    boolean profileOps;

    @Option(names = "--cpu-scaling",
            description = "First measure how far compute-bound work scales on this machine from 1 thread to the "
                    + "backend's threads (independent multiply-adds, ~2 s): the ceiling for the training's "
                    + "thread scaling.")
    boolean cpuScaling;

    /** The most generated 28×28 images one byte array holds. */
    static final int MAX_GENERATED = (Integer.MAX_VALUE - 8) / 784;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--iterations", iterations, 1);
        Arguments.atLeast("--warmup", warmup, 0);
        Arguments.between("--batch", batch, 1, 65536, "");
        if (generate != null) {
            Arguments.between("--generate", generate, 1, MAX_GENERATED, "");
            if (images != null) {
                throw new UsageException("--images and --generate: give one of them, not both");
            }
        }
        new PathChecks().input("--images", images).check();
        if (profileOps) {
            // read once, when the layers' step class is first used
            System.setProperty("vaenodes.profileOps", "true");
        }
        cli.startBackend();
        if (cpuScaling) {
            System.out.println(CpuScalingProbe.measure(NativeBackend.threads()));
        }
        ImageDataset data = dataset();
        VaeConfig config = VaeConfig.builder().imageSize(data.height(), data.width()).batchSize(batch).build();
        System.out.printf(Locale.ROOT, "bench: %d images of %d×%d, batch %d%n", data.size(), data.height(), data.width(), batch);
        TrainingBenchmark.Report report = TrainingBenchmark.run(data, config, iterations, warmup, System.out);
        report.print(System.out);
        System.out.printf(Locale.ROOT, "achieved GFLOP/s (multiply-adds of convolutions and dense layers × 2): "
                + "train %.1f, reconstruct %.1f, encode %.1f, sample %.1f%n",
                report.trainImagesPerSecond() * OperationCount.trainingFlopsPerImage(config) / 1e9,
                report.reconstructImagesPerSecond() * OperationCount.reconstructFlopsPerImage(config) / 1e9,
                report.encodeImagesPerSecond() * OperationCount.encodeFlopsPerImage(config) / 1e9,
                report.sampleImagesPerSecond() * OperationCount.sampleFlopsPerImage(config) / 1e9);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(Locale.ROOT, "JVM start to first iteration: %.1f s%n",
                (report.firstIterationDoneEpochMillis() - jvmStart) / 1000.0);
        return 0;
    }

    private ImageDataset dataset() throws java.io.IOException {
        if (generate != null) {
            // blurred random strokes: MNIST-like sparsity, no real data needed
            SplittableRandom r = new SplittableRandom(1);
            byte[] pixels = new byte[Math.multiplyExact(generate, 784)];
            for (int i = 0; i < generate; i++) {
                int x = 6 + r.nextInt(16);
                int y = 6 + r.nextInt(16);
                for (int s = 0; s < 40; s++) {
                    x = Math.max(2, Math.min(25, x + r.nextInt(3) - 1));
                    y = Math.max(2, Math.min(25, y + r.nextInt(3) - 1));
                    pixels[i * 784 + y * 28 + x] = (byte) 255;
                    pixels[i * 784 + y * 28 + x + 1] = (byte) 200;
                }
            }
            return IdxImages.of(28, 28, pixels);
        }
        return images != null ? IdxReader.readImages(images) : BuiltinMnist.load().images();
    }
}
