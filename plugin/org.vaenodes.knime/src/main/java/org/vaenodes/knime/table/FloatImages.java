package org.vaenodes.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.vaenodes.engine.data.ImageDataset;

/** An in-memory {@link ImageDataset} filled image by image (chunked, so it grows without copying). */
public final class FloatImages implements ImageDataset {

    private static final int CHUNK_IMAGES = 1024;

    private final int m_height;

    private final int m_width;

    private final List<float[]> m_chunks = new ArrayList<>();

    private int m_size;

    public FloatImages(final int height, final int width) {
        m_height = height;
        m_width = width;
    }

    /** Space for the next image; write {@code pixelsPerImage()} floats at {@link #nextOffset()}, then {@link #commit()}. */
    public float[] nextChunk() {
        int inChunk = m_size % CHUNK_IMAGES;
        if (inChunk == 0 && m_chunks.size() * CHUNK_IMAGES <= m_size) {
            m_chunks.add(new float[CHUNK_IMAGES * pixelsPerImage()]);
        }
        return m_chunks.get(m_size / CHUNK_IMAGES);
    }

    /** Offset of the next image in {@link #nextChunk()}. */
    public int nextOffset() {
        return (m_size % CHUNK_IMAGES) * pixelsPerImage();
    }

    /** Keeps the image written at {@link #nextOffset()}. */
    public void commit() {
        m_size++;
    }

    @Override
    public int size() {
        return m_size;
    }

    @Override
    public int height() {
        return m_height;
    }

    @Override
    public int width() {
        return m_width;
    }

    @Override
    public void copyImage(final int index, final float[] dst, final int offset) {
        if (index < 0 || index >= m_size) {
            throw new IndexOutOfBoundsException("image " + index + " of " + m_size);
        }
        int p = pixelsPerImage();
        System.arraycopy(m_chunks.get(index / CHUNK_IMAGES), (index % CHUNK_IMAGES) * p, dst, offset, p);
    }
}
