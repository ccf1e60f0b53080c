package org.vaenodes.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.vaenodes.engine.data.ImageDataset;

/**
 * An in-memory {@link ImageDataset} filled image by image, in chunks so that it grows without copying. A chunk
 * holds up to 1,024 images and at most {@value #MAX_CHUNK_VALUES} floats (64 MiB), so that large images neither
 * overflow an array index nor waste a chunk's worth of memory past the last image.
 */
public final class FloatImages implements ImageDataset {

    /** Floats per chunk at most. */
    static final int MAX_CHUNK_VALUES = 16 << 20;

    private static final int MAX_CHUNK_IMAGES = 1024;

    private final int m_height;

    private final int m_width;

    private final int m_channels;

    private final int m_values;

    private final int m_chunkImages;

    private final List<float[]> m_chunks = new ArrayList<>();

    private int m_size;

    public FloatImages(final int height, final int width) {
        this(1, height, width);
    }

    /** Images of {@code channels} (1 or 3) planes of {@code height × width}. */
    public FloatImages(final int channels, final int height, final int width) {
        m_height = height;
        m_width = width;
        m_channels = channels;
        m_values = Math.multiplyExact(channels, Math.multiplyExact(height, width));
        m_chunkImages = chunkImages(m_values);
    }

    private static int chunkImages(final long pixels) {
        return (int)Math.max(1, Math.min(MAX_CHUNK_IMAGES, MAX_CHUNK_VALUES / pixels));
    }

    /** Heap bytes {@code images} images of {@code height × width} take here (whole chunks). */
    public static long heapBytes(final long images, final int height, final int width) {
        return heapBytes(images, 1, height, width);
    }

    /** Heap bytes {@code images} images of {@code channels × height × width} take here (whole chunks). */
    public static long heapBytes(final long images, final int channels, final int height, final int width) {
        long values = (long)channels * height * width;
        long perChunk = chunkImages(values);
        long chunks = (images + perChunk - 1) / perChunk;
        return Math.multiplyExact(Math.multiplyExact(chunks * perChunk, values), (long)Float.BYTES);
    }

    /** Space for the next image; write {@link #values()} floats at {@link #nextOffset()}, then {@link #commit()}. */
    public float[] nextChunk() {
        int inChunk = m_size % m_chunkImages;
        if (inChunk == 0 && (long)m_chunks.size() * m_chunkImages <= m_size) {
            m_chunks.add(new float[m_chunkImages * m_values]);
        }
        return m_chunks.get(m_size / m_chunkImages);
    }

    /** Offset of the next image in {@link #nextChunk()}. */
    public int nextOffset() {
        return (m_size % m_chunkImages) * m_values;
    }

    /** Keeps the image written at {@link #nextOffset()}. */
    public void commit() {
        if (m_size == Integer.MAX_VALUE) {
            throw new IllegalStateException("More than " + Integer.MAX_VALUE + " images cannot be held in memory.");
        }
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

    /** Values per pixel: 1 (gray) or 3 (RGB). */
    @Override
    public int channels() {
        return m_channels;
    }

    /** Floats per image: channels × height × width. */
    public int values() {
        return m_values;
    }

    @Override
    public void copyImage(final int index, final float[] dst, final int offset) {
        if (index < 0 || index >= m_size) {
            throw new IndexOutOfBoundsException("image " + index + " of " + m_size);
        }
        int p = m_values;
        System.arraycopy(m_chunks.get(index / m_chunkImages), (index % m_chunkImages) * p, dst, offset, p);
    }
}
