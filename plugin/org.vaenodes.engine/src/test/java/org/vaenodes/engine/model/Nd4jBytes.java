package org.vaenodes.engine.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the ND4J binary array layout field by field, so a test can put any value into any header field.
 * By default it writes what {@code Nd4j.write} writes for a dense 'c'-order FLOAT array (a test holds that).
 */
public final class Nd4jBytes {

    public String infoMode = "MIXED_DATA_TYPES";
    public Long infoLength;
    public String infoType = "LONG";
    public Long rank;
    public long[] shape;
    public long[] strides;
    public long extras = 1L << 13; // libnd4j's FLOAT flag
    public long elementStride = 1;
    public long order = 'c';
    public String dataMode = "MIXED_DATA_TYPES";
    public Long dataLength;
    public String dataType = "FLOAT";
    public double[] values;
    public int valueCount = -1;
    public byte[] trailing = new byte[0];

    private Nd4jBytes(long[] shape) {
        this.shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        values = new double[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7 - 3) * 0.125;
        }
    }

    /** A valid FLOAT array of {@code shape} with small distinct values. */
    public static Nd4jBytes of(long... shape) {
        return new Nd4jBytes(shape);
    }

    public Nd4jBytes with(java.util.function.Consumer<Nd4jBytes> change) {
        change.accept(this);
        return this;
    }

    public byte[] build() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            int r = shape.length;
            long[] st = strides != null ? strides : cStrides(shape);
            out.writeUTF(infoMode);
            out.writeLong(infoLength != null ? infoLength : 2L * r + 4);
            out.writeUTF(infoType);
            out.writeLong(rank != null ? rank : r);
            for (long d : shape) {
                out.writeLong(d);
            }
            for (long s : st) {
                out.writeLong(s);
            }
            out.writeLong(extras);
            out.writeLong(elementStride);
            out.writeLong(order);
            out.writeUTF(dataMode);
            out.writeLong(dataLength != null ? dataLength : values.length);
            out.writeUTF(dataType);
            int n = valueCount >= 0 ? valueCount : values.length;
            for (int i = 0; i < n; i++) {
                if (dataType.equals("DOUBLE")) {
                    out.writeDouble(values[i]);
                } else {
                    out.writeFloat((float) values[i]);
                }
            }
            out.write(trailing);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long[] cStrides(long[] shape) {
        long[] s = new long[shape.length];
        long m = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = m;
            m *= shape[i];
        }
        return s;
    }
}
