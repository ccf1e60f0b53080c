package org.vaenodes.knime.nodes.sampler;

import java.util.SplittableRandom;

/**
 * The Sampler's latent points, produced chunk by chunk so that a million of them (or a large latent size) never
 * sit in memory at once. Point i is the same as in one long array: random points come from one generator drawn
 * in order, as {@code VaeModel.sampleLatent(count, seed)} draws them; interpolation runs between its first two
 * random points; the traversal walks a steps × steps grid over two dimensions, all others 0.
 */
final class LatentPoints {

    private final SamplerMode m_mode;

    private final int m_latent;

    private final int m_count;

    private final SplittableRandom m_random;

    private final float[] m_ends;

    private final int m_steps;

    private final double m_range;

    private final int m_dimX;

    private final int m_dimY;

    private int m_next;

    /** Random or interpolation: {@code count} points from {@code seed}. */
    static LatentPoints sampled(final SamplerMode mode, final int latent, final int count, final long seed) {
        if (mode == SamplerMode.TRAVERSAL) {
            throw new IllegalArgumentException("the traversal is not sampled; use LatentPoints.traversal");
        }
        return new LatentPoints(mode, latent, count, seed, 0, 0, 0, 0);
    }

    /** The traversal grid over dimensions {@code dimX} (left to right) and {@code dimY} (top to bottom). */
    static LatentPoints traversal(final int latent, final int steps, final double range, final int dimX,
        final int dimY) {
        return new LatentPoints(SamplerMode.TRAVERSAL, latent, Math.multiplyExact(steps, steps), 0, steps,
            range, dimX, Math.min(dimY, latent - 1));
    }

    private LatentPoints(final SamplerMode mode, final int latent, final int count, final long seed, final int steps,
        final double range, final int dimX, final int dimY) {
        m_mode = mode;
        m_latent = latent;
        m_count = count;
        m_steps = steps;
        m_range = range;
        m_dimX = dimX;
        m_dimY = dimY;
        SplittableRandom random = new SplittableRandom(seed);
        if (mode == SamplerMode.INTERPOLATION) {
            m_ends = new float[2 * latent];
            for (int i = 0; i < m_ends.length; i++) {
                m_ends[i] = (float)random.nextGaussian();
            }
            m_random = null;
        } else {
            m_ends = null;
            m_random = random;
        }
    }

    /** Number of points. */
    int count() {
        return m_count;
    }

    /** The next {@code n} points (latent values point after point); chunks must be asked for in order. */
    float[] next(final int n) {
        if (n < 0 || n > m_count - m_next) {
            throw new IllegalArgumentException(n + " more points asked for, " + (m_count - m_next) + " left");
        }
        float[] z = new float[Math.multiplyExact(n, m_latent)];
        for (int r = 0; r < n; r++) {
            int i = m_next + r;
            int base = r * m_latent;
            if (m_mode == SamplerMode.INTERPOLATION) {
                float t = m_count == 1 ? 0f : i / (float)(m_count - 1);
                for (int j = 0; j < m_latent; j++) {
                    z[base + j] = m_ends[j] + t * (m_ends[m_latent + j] - m_ends[j]);
                }
            } else if (m_mode == SamplerMode.TRAVERSAL) {
                int row = i / m_steps;
                int col = i % m_steps;
                z[base + m_dimX] = (float)(-m_range + 2 * m_range * col / (m_steps - 1));
                if (m_dimY != m_dimX) {
                    z[base + m_dimY] = (float)(m_range - 2 * m_range * row / (m_steps - 1));
                }
            } else {
                for (int j = 0; j < m_latent; j++) {
                    z[base + j] = (float)m_random.nextGaussian();
                }
            }
        }
        m_next += n;
        return z;
    }
}
