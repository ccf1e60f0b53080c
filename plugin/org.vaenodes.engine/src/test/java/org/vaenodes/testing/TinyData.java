package org.vaenodes.testing;

import java.util.SplittableRandom;

import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.model.VaeConfig;

/** Small synthetic images and configs that train in milliseconds. */
public final class TinyData {

    private TinyData() {
    }

    /** {@code count} images of {@code h×w}: a bright square at a random place on a dark background. */
    public static IdxImages squares(int count, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] pixels = new byte[count * h * w];
        int side = Math.max(1, Math.min(h, w) / 3);
        for (int i = 0; i < count; i++) {
            int top = r.nextInt(h - side + 1);
            int left = r.nextInt(w - side + 1);
            for (int y = top; y < top + side; y++) {
                for (int x = left; x < left + side; x++) {
                    pixels[i * h * w + y * w + x] = (byte) 230;
                }
            }
        }
        return IdxImages.of(h, w, pixels);
    }

    /** An 8×8 VAE with 4 filters and latent size 2. */
    public static VaeConfig.Builder tinyConfig() {
        return VaeConfig.builder().imageSize(8, 8).filters(4).latentSize(2).decoderHidden(6).batchSize(16)
                .iterations(5);
    }
}
