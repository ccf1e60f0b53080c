package org.vaenodes.engine.memory;

/**
 * How much Java heap and native memory a run may use here, and how a user raises each limit.
 *
 * <p>Heap: {@code Runtime.maxMemory()}, the {@code -Xmx} limit (in KNIME the {@code -Xmx} line of {@code
 * knime.ini}). Native: ND4J's arrays count against JavaCPP's {@code maxPhysicalBytes}, which is compared with
 * the whole process's resident memory (see {@link JavaCppLimits}), and against the machine's RAM; from the
 * smaller of the two the heap limit and what the process already holds outside its heap are taken off.
 *
 * <p>The system properties {@value #HEAP_PROPERTY} and {@value #NATIVE_PROPERTY} (JavaCPP's size syntax, e.g.
 * {@code 512m}) replace the computed values: for tests, and for users who want a run refused before it takes
 * more than they want to give it.
 *
 * @param heapBytes Java heap a run may use
 * @param nativeBytes native memory a run may use
 * @param heapSource where the heap figure comes from, for messages
 * @param nativeSource where the native figure comes from, for messages
 * @param raiseHeap how to raise the heap limit, for messages
 * @param raiseNative how to raise the native limit, for messages
 */
public record MemoryBudget(long heapBytes, long nativeBytes, String heapSource, String nativeSource,
        String raiseHeap, String raiseNative) {

    public static final String HEAP_PROPERTY = "vaenodes.memory.heap";
    public static final String NATIVE_PROPERTY = "vaenodes.memory.native";

    /** How the command line raises its limits. */
    public static final String CLI_HEAP = "java -Xmx…";
    public static final String CLI_NATIVE = "java -Dorg.bytedeco.javacpp.maxphysicalbytes=… (resident memory, heap included)";

    /** The limits of this JVM, with the command line's advice on raising them. */
    public static MemoryBudget current() {
        return current(CLI_HEAP, CLI_NATIVE);
    }

    /** The limits of this JVM; {@code raiseHeap} and {@code raiseNative} say how the user raises them. */
    public static MemoryBudget current(String raiseHeap, String raiseNative) {
        long heap = Runtime.getRuntime().maxMemory();
        String heapSource = "the Java heap limit";
        String override = System.getProperty(HEAP_PROPERTY);
        if (override != null && !override.isBlank()) {
            heap = JavaCppLimits.parseBytes(override.trim(), heap);
            heapSource = "the heap limit set by " + HEAP_PROPERTY;
        }
        long nativeBytes;
        String nativeSource;
        override = System.getProperty(NATIVE_PROPERTY);
        if (override != null && !override.isBlank()) {
            nativeBytes = JavaCppLimits.parseBytes(override.trim(), heap);
            nativeSource = "the native limit set by " + NATIVE_PROPERTY;
        } else {
            long jvmHeap = Runtime.getRuntime().maxMemory();
            long javacpp = JavaCppLimits.maxPhysicalBytes();
            long ram = SystemMemory.totalPhysicalBytes();
            long limit = Long.MAX_VALUE;
            String what = null;
            if (javacpp > 0) {
                limit = javacpp;
                what = "JavaCPP's resident-memory limit of " + MemoryEstimate.format(javacpp);
            }
            if (ram > 0 && ram < limit) {
                limit = ram;
                what = "the machine's " + MemoryEstimate.format(ram) + " of RAM";
            }
            if (what == null) {
                nativeBytes = Long.MAX_VALUE;
                nativeSource = "no known limit";
            } else {
                // what runs outside the heap already (JVM, libraries, other native arrays) is taken, too
                long outsideHeap = Math.max(0, SystemMemory.residentBytes() - Runtime.getRuntime().totalMemory());
                nativeBytes = Math.max(0, limit - jvmHeap - outsideHeap);
                nativeSource = what + " less the " + MemoryEstimate.format(jvmHeap) + " Java heap"
                        + (outsideHeap > 0 ? " and " + MemoryEstimate.format(outsideHeap) + " in use outside it" : "");
            }
        }
        return new MemoryBudget(heap, nativeBytes, heapSource, nativeSource, raiseHeap, raiseNative);
    }
}
