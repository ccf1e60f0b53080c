package org.vaenodes.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.model.VaeWeights;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * A training iteration of the seed model touches no fresh memory once warm. libnd4j's oneDNN helpers allocate
 * a buffer for each layout reorder (23 of 3.2 MB per iteration); with glibc's default trim threshold each was
 * given back to the kernel when freed and faulted in again the next time, ~18,000 page faults per iteration
 * and a fifth of its time (see {@link NativeBackend}'s malloc settings).
 */
class TrainingPageFaultsTest {

    @Test
    void aWarmIterationOfTheSeedModelFaultsInAlmostNoPages() throws IOException {
        Path stat = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(stat), "needs Linux's /proc/self/stat for the process's page-fault count");
        NativeBackend.start();
        VaeConfig c = VaeConfig.defaults();
        int batch = 64;
        DirectVaeStep step = new DirectVaeStep(c, VaeWeights.initial(c, DataType.FLOAT), batch);
        float[] images = new float[batch * c.imageValues()];
        float[] eps = new float[batch * c.latentSize()];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) random.nextGaussian();
        }
        for (int it = 0; it < 5; it++) {
            step.startIteration(it);
            step.forwardBackward(images, eps);
            step.applyAdam(it);
        }
        int iterations = 8;
        long before = minorFaults(stat);
        for (int it = 5; it < 5 + iterations; it++) {
            step.startIteration(it);
            step.forwardBackward(images, eps);
            step.applyAdam(it);
        }
        long perIteration = (minorFaults(stat) - before) / iterations;
        // 3.2 MB re-faulted 23 times is ~18,000 pages; what is left is the JVM's own (GC, compilation)
        assertThat(perIteration).as("minor page faults per warm iteration").isLessThan(1_500);
    }

    /** Field 10 of /proc/self/stat (after the parenthesised command name). */
    private static long minorFaults(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] fields = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
