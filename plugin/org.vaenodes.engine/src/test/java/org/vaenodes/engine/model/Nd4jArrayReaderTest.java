package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.nd4j.NativeBackend;

/** Nd4jArrayReader decodes exactly what ND4J's own writer and reader agree on. */
class Nd4jArrayReaderTest {

    private static final long[][] SHAPES = {{5}, {1}, {3, 4}, {1, 7}, {7, 1}, {2, 2, 1, 3}, {4, 4, 2, 1}, {2, 3, 4}};

    @Test
    void readsWhatNd4jWritesInEveryOrderAndFloatType() throws IOException {
        NativeBackend.start();
        Nd4j.getRandom().setSeed(7);
        for (long[] shape : SHAPES) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                for (char order : new char[] {'c', 'f'}) {
                    INDArray a = Nd4j.rand(type, order, shape).subi(0.5);
                    byte[] bytes = write(a);
                    float[] expected = Nd4j.toFlattened('c', Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes)))
                            .castTo(DataType.FLOAT)).toFloatVector();
                    float[] actual = Nd4jArrayReader.read(new ByteArrayInputStream(bytes), shape, "t");
                    assertThat(actual).as(java.util.Arrays.toString(shape) + " " + type + " " + order)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void viewsAreWrittenDenseAndReadBack() throws IOException {
        NativeBackend.start();
        INDArray whole = Nd4j.arange(24).castTo(DataType.FLOAT).reshape(4, 6);
        INDArray view = whole.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5));
        float[] actual = Nd4jArrayReader.read(new ByteArrayInputStream(write(view)), new long[] {2, 3}, "t");
        assertThat(actual).containsExactly(8, 9, 10, 14, 15, 16);
    }

    @Test
    void theTestsByteWriterWritesWhatNd4jWrites() throws IOException {
        NativeBackend.start();
        for (long[] shape : SHAPES) {
            Nd4jBytes crafted = Nd4jBytes.of(shape);
            float[] v = new float[crafted.values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) crafted.values[i];
            }
            INDArray a = Nd4j.create(v, shape, 'c');
            // ND4J gives a [1, n] row the strides [1, 1]; strides of size-1 dimensions address nothing
            crafted.strides = a.stride();
            assertThat(crafted.build()).as(java.util.Arrays.toString(shape)).isEqualTo(write(a));
        }
    }

    private static byte[] write(INDArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Nd4j.write(a, new DataOutputStream(out));
        return out.toByteArray();
    }
}
