package org.vaenodes.engine.data;

import java.io.IOException;
import java.io.InputStream;

import org.vaenodes.engine.idx.IdxDataset;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.idx.IdxLabels;
import org.vaenodes.engine.idx.IdxReader;

/**
 * The real MNIST test set (10,000 images of 28×28 with labels 0..9), shipped as classpath resources in its
 * original gzip-compressed IDX format.
 */
public final class BuiltinMnist {

    /** Classpath resource of the images. */
    public static final String IMAGES_RESOURCE = "/org/vaenodes/engine/data/mnist/t10k-images-idx3-ubyte.gz";
    /** Classpath resource of the labels. */
    public static final String LABELS_RESOURCE = "/org/vaenodes/engine/data/mnist/t10k-labels-idx1-ubyte.gz";
    /** Source name of the images in messages. */
    public static final String IMAGES_SOURCE = "built-in MNIST test set (t10k-images-idx3-ubyte.gz)";
    /** Source name of the labels in messages. */
    public static final String LABELS_SOURCE = "built-in MNIST test set (t10k-labels-idx1-ubyte.gz)";

    private static volatile IdxDataset cached;

    private BuiltinMnist() {
    }

    /**
     * The built-in MNIST test set: images and labels. Read once, then shared (the data set is immutable).
     *
     * @throws IOException when the resources are missing or cannot be read
     */
    public static IdxDataset load() throws IOException {
        IdxDataset d = cached;
        if (d == null) {
            synchronized (BuiltinMnist.class) {
                d = cached;
                if (d == null) {
                    d = read();
                    cached = d;
                }
            }
        }
        return d;
    }

    private static IdxDataset read() throws IOException {
        IdxImages images;
        try (InputStream in = open(IMAGES_RESOURCE, IMAGES_SOURCE)) {
            images = IdxReader.readImages(in, IMAGES_SOURCE);
        }
        IdxLabels labels;
        try (InputStream in = open(LABELS_RESOURCE, LABELS_SOURCE)) {
            labels = IdxReader.readLabels(in, LABELS_SOURCE);
        }
        IdxReader.checkSameCount(images, IMAGES_SOURCE, labels, LABELS_SOURCE);
        return new IdxDataset(images, labels);
    }

    private static InputStream open(String resource, String source) throws IOException {
        InputStream in = BuiltinMnist.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(source + ": resource " + resource + " not found on the class path");
        }
        return in;
    }
}
