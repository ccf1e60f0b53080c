package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * A grayscale model file written by the engine before colour existed (resource {@code v1-gray-8x8.zip}, written
 * at commit b6f41bc by a program that also recorded the latent means and reconstructions of five fixed images
 * as float bits in {@code v1-gray-8x8-outputs.txt}) still loads, as a one-channel model, and gives exactly those
 * outputs.
 */
class OldModelFilesTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OldModelFilesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void grayModelWrittenBeforeColourLoadsAndGivesTheSameOutputs() throws IOException {
        NativeBackend.start();
        byte[] zip = resource("v1-gray-8x8.zip");
        String json = new String(ModelZips.data(zip, "config.json"), StandardCharsets.UTF_8);
        assertThat(json).as("written before channels existed").doesNotContain("channels");
        List<String> lines = Arrays.stream(new String(resource("v1-gray-8x8-outputs.txt"), StandardCharsets.US_ASCII)
                .split("\n")).filter(l -> !l.startsWith("#")).toList();
        float[] mean = floats(lines.get(0), "mean");
        float[] reconstruction = floats(lines.get(1), "reconstruction");

        try (VaeModel model = VaeModelFile.read(new java.io.ByteArrayInputStream(zip), "v1-gray-8x8.zip")) {
            assertThat(model.config().channels()).isEqualTo(1);
            assertThat(model.config().imageValues()).isEqualTo(64);
            assertThat(model.iterationsTrained()).isEqualTo(7);
            int n = 5;
            float[] x = new float[n * 64];
            for (int i = 0; i < x.length; i++) {
                x[i] = ((i * 37) % 101) / 100f;
            }
            assertThat(model.encode(x, n).mean()).containsExactly(mean);
            assertThat(model.reconstruct(x, n)).containsExactly(reconstruction);
        }
    }

    private static float[] floats(String line, String name) {
        String[] parts = line.trim().split(" ");
        assertThat(parts[0]).isEqualTo(name);
        float[] out = new float[parts.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(Integer.parseInt(parts[i + 1]));
        }
        return out;
    }
}
