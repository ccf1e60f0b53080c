package org.vaenodes.engine.model;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decodes one array in the binary layout that {@code Nd4j.write} produces in ND4J 1.0.0-M2.1, in plain Java.
 * {@code Nd4j.read} trusts the lengths in the stream and allocates native memory for them (a crafted length
 * crashes the JVM), so every header field is checked against the shape the configuration expects before a
 * single value is read, and the values land in a Java array that grows only as they actually arrive.
 *
 * <p>The layout is two DataBuffer records, each {@code writeUTF(allocation mode)}, {@code writeLong(length)},
 * {@code writeUTF(data type)} and then the values big-endian: first the shape information ({@code LONG}: rank,
 * shape, strides, extras holding the data type flag, element-wise stride, order {@code 'c'} or {@code 'f'}),
 * then the data ({@code FLOAT}, or {@code DOUBLE} when the model held doubles).
 */
final class Nd4jArrayReader {

    static final String ALLOCATION_MODE = "MIXED_DATA_TYPES";

    // libnd4j's ArrayOptions keep the data type as one bit of the shape information's "extras" field.
    static final long FLOAT_FLAG = 1L << 13;
    static final long DOUBLE_FLAG = 1L << 14;

    private static final int BLOCK_BYTES = 64 * 1024;
    private static final int FIRST_CAPACITY = 1 << 16;

    /** What the values of an array may be. */
    enum Bound {
        /** Finite and within ±{@link ModelFileLimits#MAX_ABS_WEIGHT}. */
        WEIGHT(-ModelFileLimits.MAX_ABS_WEIGHT, ModelFileLimits.MAX_ABS_WEIGHT,
                "weights must be finite and within ±" + (long) ModelFileLimits.MAX_ABS_WEIGHT
                        + ": the model diverged in training or the file was altered; retrain the model"),
        /** Adam's first moments: finite and within ±{@link ModelFileLimits#MAX_ABS_MOMENT}. */
        FIRST_MOMENT(-ModelFileLimits.MAX_ABS_MOMENT, ModelFileLimits.MAX_ABS_MOMENT,
                "Adam's first moments must be finite and within ±" + ModelFileLimits.MAX_ABS_MOMENT
                        + ": the file was altered"),
        /** Adam's second moments: in [0, {@link ModelFileLimits#MAX_ABS_MOMENT}]. */
        SECOND_MOMENT(0, ModelFileLimits.MAX_ABS_MOMENT,
                "Adam's second moments must be finite and within 0 to " + ModelFileLimits.MAX_ABS_MOMENT
                        + ": the file was altered");

        final double min;
        final double max;
        final String rule;

        Bound(double min, double max, String rule) {
            this.min = min;
            this.max = max;
            this.rule = rule;
        }
    }

    private final DataInputStream in;
    private final String where;
    private final Bound bound;
    private boolean isFortranOrder;

    private Nd4jArrayReader(InputStream in, String where, Bound bound) {
        this.in = new DataInputStream(in);
        this.where = where;
        this.bound = bound;
    }

    /**
     * Reads one array of exactly {@code shape} from {@code in}, which must end right after it.
     *
     * @param where names the file and entry in errors, e.g. {@code "model.zip: entry weights/mean_W.nd4j"}
     * @return the values in row-major ('c') order, each finite and within {@link ModelFileLimits#MAX_ABS_WEIGHT}
     * @throws ModelFileException naming {@code where} when anything differs from what Nd4j.write writes for it
     */
    static float[] read(InputStream in, long[] shape, String where) throws IOException {
        return read(in, shape, where, Bound.WEIGHT);
    }

    /** As {@link #read(InputStream, long[], String)}, each value within {@code bound}. */
    static float[] read(InputStream in, long[] shape, String where, Bound bound) throws IOException {
        return new Nd4jArrayReader(in, where, bound).read(shape);
    }

    private float[] read(long[] shape) throws IOException {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw fail("would hold " + count + " values, more than one Java array can");
        }
        try {
            boolean isDouble = readShapeInformation(shape);
            expectText("data allocation mode", ALLOCATION_MODE);
            long length = in.readLong();
            if (length != count) {
                throw fail("declares " + length + " values, its shape " + Arrays.toString(shape) + " has " + count);
            }
            expectText("data type", isDouble ? "DOUBLE" : "FLOAT");
            float[] values = readValues((int) count, isDouble);
            if (in.read() != -1) {
                throw fail("has bytes after its " + count + " values");
            }
            return isFortranOrder ? toRowMajor(values, shape) : values;
        } catch (EOFException e) {
            throw fail("ends early (the file is truncated)");
        } catch (UTFDataFormatException e) {
            throw fail("has an unreadable header");
        }
    }

    /** Checks the shape information against {@code shape}; returns whether the data is DOUBLE. */
    private boolean readShapeInformation(long[] shape) throws IOException {
        int rank = shape.length;
        expectText("shape information allocation mode", ALLOCATION_MODE);
        long length = in.readLong();
        if (length != 2L * rank + 4) {
            throw fail("has shape information of " + length + " values, a rank-" + rank + " array has "
                    + (2 * rank + 4));
        }
        expectText("shape information type", "LONG");
        long[] info = new long[(int) length];
        for (int i = 0; i < info.length; i++) {
            info[i] = in.readLong();
        }
        if (info[0] != rank) {
            throw fail("has rank " + info[0] + ", expected " + rank + " (shape " + Arrays.toString(shape) + ")");
        }
        long[] declared = Arrays.copyOfRange(info, 1, 1 + rank);
        if (!Arrays.equals(declared, shape)) {
            throw fail("has shape " + Arrays.toString(declared) + ", the configuration needs " + Arrays.toString(shape));
        }
        long extras = info[1 + 2 * rank];
        long elementStride = info[2 + 2 * rank];
        long order = info[3 + 2 * rank];
        if (order != 'c' && order != 'f') {
            throw fail("has array order " + order + ", expected 'c' (99) or 'f' (102)");
        }
        isFortranOrder = order == 'f';
        long[] strides = Arrays.copyOfRange(info, 1 + rank, 1 + 2 * rank);
        if (!contiguous(shape, strides, isFortranOrder) || elementStride != 1) {
            throw fail("has strides " + Arrays.toString(strides) + " (element stride " + elementStride
                    + ") that do not lay out a dense " + (char) order + "-order array");
        }
        if (extras == FLOAT_FLAG) {
            return false;
        }
        if (extras == DOUBLE_FLAG) {
            return true;
        }
        throw fail("declares data type flags " + extras + "; only FLOAT (" + FLOAT_FLAG + ") or DOUBLE ("
                + DOUBLE_FLAG + ") arrays are model weights");
    }

    /** Strides of dimensions of size 1 never address anything, so only the others must match. */
    private static boolean contiguous(long[] shape, long[] strides, boolean fortran) {
        long expected = 1;
        for (int k = 0; k < shape.length; k++) {
            int i = fortran ? k : shape.length - 1 - k;
            if (shape[i] > 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    private void expectText(String field, String expected) throws IOException {
        String actual = in.readUTF();
        if (!actual.equals(expected)) {
            throw fail("has " + field + " '" + shorten(actual) + "', expected '" + expected + "'");
        }
    }

    private float[] readValues(int count, boolean isDouble) throws IOException {
        int width = isDouble ? Double.BYTES : Float.BYTES;
        float[] values = allocate(Math.min(count, FIRST_CAPACITY), null, 0);
        byte[] block = new byte[BLOCK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(block);
        int filled = 0;
        while (filled < count) {
            int n = Math.min(count - filled, BLOCK_BYTES / width);
            in.readFully(block, 0, n * width);
            if (filled + n > values.length) {
                // doubling keeps the copies linear; a short file never gets the full array
                values = allocate((int) Math.min(count, Math.max(2L * values.length, filled + n)), values, filled);
            }
            for (int i = 0; i < n; i++) {
                double v = isDouble ? bytes.getDouble(i * Double.BYTES) : bytes.getFloat(i * Float.BYTES);
                if (!(v >= bound.min && v <= bound.max)) {
                    throw new ModelFileException(where + " holds " + v + " at value " + (filled + i) + "; "
                            + bound.rule);
                }
                values[filled + i] = (float) v;
            }
            filled += n;
        }
        return values;
    }

    /** A new array of {@code n} floats holding the first {@code keep} values of {@code old}. */
    private float[] allocate(int n, float[] old, int keep) throws ModelFileException {
        float[] a;
        try {
            a = new float[n];
        } catch (OutOfMemoryError e) {
            throw new ModelFileException(where + " needs " + (4L * n >> 20) + " MB of Java heap for its values, more"
                    + " than is free; give Java more memory (-Xmx, or -Xmx in knime.ini)");
        }
        if (old != null) {
            System.arraycopy(old, 0, a, 0, keep);
        }
        return a;
    }

    /** Reorders a column-major array into row-major. */
    private static float[] toRowMajor(float[] f, long[] shape) {
        int rank = shape.length;
        long[] fStrides = new long[rank];
        long s = 1;
        for (int i = 0; i < rank; i++) {
            fStrides[i] = s;
            s *= shape[i];
        }
        float[] c = new float[f.length];
        long[] index = new long[rank];
        long offset = 0;
        for (int k = 0; k < c.length; k++) {
            c[k] = f[(int) offset];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                offset += fStrides[d];
                if (index[d] < shape[d]) {
                    break;
                }
                offset -= index[d] * fStrides[d];
                index[d] = 0;
            }
        }
        return c;
    }

    private ModelFileException fail(String problem) {
        return new ModelFileException(where + " " + problem + "; the model file is damaged or was not written by VAE Nodes");
    }

    static String shorten(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
