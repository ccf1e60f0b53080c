package org.vaenodes.engine.net;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/** Allocation of the layers' preallocated arrays and construction of the native ops that run on them. */
final class NativeArrays {

    private NativeArrays() {
    }

    private static final ThreadLocal<List<INDArray>> OWNER = new ThreadLocal<>();

    static INDArray create(long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        List<INDArray> owner = OWNER.get();
        if (owner != null) {
            owner.add(a);
        }
        return a;
    }

    /**
     * From now on every array {@link #create} allocates on this thread is added to {@code owned} (until
     * {@link #stopOwning}), so that what is being built can release its native memory at once instead of
     * waiting for the garbage collector.
     */
    static void startOwning(List<INDArray> owned) {
        OWNER.set(owned);
    }

    static void stopOwning() {
        OWNER.remove();
    }

    static void close(List<INDArray> owned) {
        for (INDArray a : owned) {
            if (a.closeable()) {
                a.close();
            }
        }
        owned.clear();
    }

    /**
     * The array's native memory as a float buffer (for bulk copies from and to Java arrays): a standalone
     * array, or a C-order reshape of a whole one.
     */
    static FloatBuffer nio(INDArray a) {
        if (!standalone(a)) {
            throw new IllegalStateException("not a standalone array: offset " + a.offset() + ", " + a.length()
                    + " of " + a.data().length() + " values, order " + a.ordering() + ", strides "
                    + Arrays.toString(a.stride()));
        }
        FloatBuffer fb = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        if (fb.capacity() < a.length()) {
            throw new IllegalStateException("NIO view too small: " + fb.capacity() + " < " + a.length());
        }
        return fb;
    }

    /** Whether {@link #nio} takes the array: all of its buffer, in C order. */
    static boolean standalone(INDArray a) {
        return a.offset() == 0 && a.data().length() == a.length() && denseInCOrder(a);
    }

    /** Whether each dimension's stride is the product of the later sizes (those of size 1 may have any). */
    private static boolean denseInCOrder(INDArray a) {
        long expected = 1;
        for (int d = a.rank() - 1; d >= 0; d--) {
            if (a.size(d) != 1 && a.stride(d) != expected) {
                return false;
            }
            expected *= a.size(d);
        }
        return true;
    }

    /** out = op(a)·op(b) + betaC·out as one BLAS GEMM (betaC 1 accumulates into out). */
    static Mmul mmul(INDArray a, INDArray b, INDArray out, boolean ta, boolean tb, double betaC) {
        return new Mmul(a, b, out, 1.0, betaC, MMulTranspose.builder().transposeA(ta).transposeB(tb).build());
    }

    static DynamicCustomOp custom(String name, INDArray[] in, INDArray[] out, int... iargs) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder(name).addInputs(in).addOutputs(out);
        if (iargs.length > 0) {
            b.addIntegerArguments(iargs);
        }
        return b.build();
    }

    static INDArray[] arrays(INDArray... a) {
        return a;
    }
}
