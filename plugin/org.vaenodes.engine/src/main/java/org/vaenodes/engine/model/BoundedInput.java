package org.vaenodes.engine.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes taken from a stream and refuses to go past a limit. A model zip nested in another zip (a KNIME
 * port object) can inflate without end, and deflate can spend any number of input bytes on no output, so what a
 * model file may consume is bounded by what its configuration implies, not by its entries' contents alone.
 */
final class BoundedInput extends FilterInputStream {

    private final String source;
    private long limit;
    private long consumed;

    BoundedInput(InputStream in, String source, long limit) {
        super(in);
        this.source = source;
        this.limit = limit;
    }

    void setLimit(long limit) {
        this.limit = limit;
    }

    long consumed() {
        return consumed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, limit - consumed + 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(1, limit - consumed + 1)));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws ModelFileException {
        consumed += n;
        if (consumed > limit) {
            throw new ModelFileException(source + ": the model file is larger than its configuration allows (more than "
                    + limit + " bytes); it is damaged or was not written by VAE Nodes");
        }
    }
}
