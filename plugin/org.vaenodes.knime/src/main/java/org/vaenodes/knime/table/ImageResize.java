package org.vaenodes.knime.table;

/**
 * Resizes float images (channel planes, each row-major) by antialiased bilinear resampling: each output pixel is
 * a triangle-weighted average of the input pixels around its centre, the triangle one input pixel wide when
 * enlarging and as wide as the scale factor when shrinking, so that shrinking averages every input pixel instead
 * of skipping some (the method of Pillow's {@code BILINEAR} filter). Rows and columns are resampled separately.
 */
public final class ImageResize {

    private ImageResize() {
    }

    /**
     * The image of {@code channels × srcH × srcW} values at {@code src} resized to {@code dstH × dstW}, written to
     * {@code dst} at {@code offset}.
     */
    public static void resize(final float[] src, final int channels, final int srcH, final int srcW,
        final float[] dst, final int offset, final int dstH, final int dstW) {
        Taps cols = Taps.of(srcW, dstW);
        Taps rows = Taps.of(srcH, dstH);
        float[] wide = new float[srcH * dstW];
        for (int c = 0; c < channels; c++) {
            int plane = c * srcH * srcW;
            for (int y = 0; y < srcH; y++) {
                cols.apply(src, plane + y * srcW, 1, wide, y * dstW, 1);
            }
            int out = offset + c * dstH * dstW;
            for (int x = 0; x < dstW; x++) {
                rows.apply(wide, x, dstW, dst, out + x, dstW);
            }
        }
    }

    /** For each output position along one axis: the first input position and the normalised weights from there. */
    private static final class Taps {

        private final int[] m_first;

        private final float[][] m_weights;

        private Taps(final int[] first, final float[][] weights) {
            m_first = first;
            m_weights = weights;
        }

        static Taps of(final int in, final int out) {
            double scale = in / (double)out;
            double radius = Math.max(1.0, scale);
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int lo = Math.max(0, (int)Math.floor(centre - radius));
                int hi = Math.min(in, (int)Math.ceil(centre + radius));
                double[] w = new double[hi - lo];
                double sum = 0;
                for (int j = lo; j < hi; j++) {
                    double t = 1 - Math.abs(j + 0.5 - centre) / radius;
                    w[j - lo] = Math.max(0, t);
                    sum += w[j - lo];
                }
                float[] f = new float[w.length];
                for (int k = 0; k < w.length; k++) {
                    f[k] = (float)(w[k] / sum);
                }
                first[i] = lo;
                weights[i] = f;
            }
            return new Taps(first, weights);
        }

        void apply(final float[] src, final int srcStart, final int srcStep, final float[] dst, final int dstStart,
            final int dstStep) {
            for (int i = 0; i < m_first.length; i++) {
                float[] w = m_weights[i];
                int s = srcStart + m_first[i] * srcStep;
                double v = 0;
                for (int k = 0; k < w.length; k++) {
                    v += w[k] * src[s + k * srcStep];
                }
                dst[dstStart + i * dstStep] = (float)v;
            }
        }
    }
}
