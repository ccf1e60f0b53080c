package org.vaenodes.knime.nodes.learner.monitor;

import java.util.Arrays;

/**
 * Loss, reconstruction and KL per iteration, raw and smoothed, in bounded memory: every iteration is kept until
 * the capacity is reached, then every second kept point is dropped and from then on only every second iteration
 * is taken (and so on, doubling), so a run of any length keeps between half the capacity and the capacity of
 * evenly spaced points. The latest iteration is always kept as well, so the curves end where training is. Not
 * thread-safe; {@link TrainingMonitor} guards it.
 */
final class CurveHistory {

    /** Columns of {@link #values}: raw loss, reconstruction, KL, then the smoothed ones. */
    static final int SERIES = 6;

    private final int m_capacity;

    private final int[] m_iteration;

    private final double[][] m_values;

    private int m_size;

    private int m_stride = 1;

    private boolean m_hasLatest;

    private int m_latestIteration;

    private final double[] m_latest = new double[SERIES];

    CurveHistory(final int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        }
        m_capacity = capacity;
        m_iteration = new int[capacity];
        m_values = new double[SERIES][capacity];
    }

    int capacity() {
        return m_capacity;
    }

    /** @param values {@link #SERIES} numbers: loss, reconstruction, KL, and their smoothed values */
    void add(final int iteration, final double... values) {
        if (iteration % m_stride == 0) {
            if (m_size == m_capacity) {
                compact();
            }
            if (iteration % m_stride == 0) {
                m_iteration[m_size] = iteration;
                for (int s = 0; s < SERIES; s++) {
                    m_values[s][m_size] = values[s];
                }
                m_size++;
            }
        }
        m_hasLatest = true;
        m_latestIteration = iteration;
        System.arraycopy(values, 0, m_latest, 0, SERIES);
    }

    private void compact() {
        m_stride *= 2;
        int kept = 0;
        for (int i = 0; i < m_size; i++) {
            if (m_iteration[i] % m_stride == 0) {
                m_iteration[kept] = m_iteration[i];
                for (int s = 0; s < SERIES; s++) {
                    m_values[s][kept] = m_values[s][i];
                }
                kept++;
            }
        }
        m_size = kept;
    }

    /** A copy of the kept points plus the latest iteration when it was not kept. */
    Curves copy() {
        boolean extra = m_hasLatest && (m_size == 0 || m_iteration[m_size - 1] != m_latestIteration);
        int n = m_size + (extra ? 1 : 0);
        int[] it = Arrays.copyOf(m_iteration, n);
        double[][] v = new double[SERIES][];
        for (int s = 0; s < SERIES; s++) {
            v[s] = Arrays.copyOf(m_values[s], n);
        }
        if (extra) {
            it[n - 1] = m_latestIteration;
            for (int s = 0; s < SERIES; s++) {
                v[s][n - 1] = m_latest[s];
            }
        }
        return new Curves(it, v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    void clear() {
        m_size = 0;
        m_stride = 1;
        m_hasLatest = false;
    }
}
