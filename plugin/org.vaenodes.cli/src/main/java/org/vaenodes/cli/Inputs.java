package org.vaenodes.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.idx.IdxReader;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;

/** Loading what the commands read. */
final class Inputs {

    private Inputs() {
    }

    static IdxDataset images(Path images, Path labels) throws IOException {
        return IdxReader.readDataset(images, labels);
    }

    static VaeModel model(Path file) throws IOException {
        return VaeModelFile.load(file);
    }

    /** Flat pixels of the first {@code count} images. */
    static float[] pixels(IdxDataset data, int count) {
        int p = data.images().pixelsPerImage();
        float[] out = new float[count * p];
        for (int i = 0; i < count; i++) {
            data.images().copyImage(i, out, i * p);
        }
        return out;
    }

    static void checkSize(VaeModel model, IdxDataset data, Path source) {
        checkSize(model.config(), data.images(), source);
    }

    static void checkSize(org.vaenodes.engine.model.VaeConfig model, org.vaenodes.engine.data.ImageDataset images,
            Path source) {
        if (model.height() != images.height() || model.width() != images.width()) {
            throw new IllegalArgumentException(source + ": images are " + images.height() + "×"
                    + images.width() + " but the model expects " + model.height() + "×"
                    + model.width());
        }
        if (model.channels() != images.channels()) {
            throw new IllegalArgumentException(source + ": images have " + images.channels() + " channel(s) but the "
                    + "model expects " + model.channels() + "; read them from a folder (converted to the model's)");
        }
    }
}
