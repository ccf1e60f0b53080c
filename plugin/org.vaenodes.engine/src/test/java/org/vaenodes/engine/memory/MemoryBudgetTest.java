package org.vaenodes.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.vaenodes.engine.nd4j.NativeBackend;

class MemoryBudgetTest {

    @Test
    void javaCppLimitsAreTheOnesJavaCppApplies() {
        NativeBackend.start(); // only now may Pointer be touched
        assertThat(JavaCppLimits.maxBytes()).isEqualTo(Pointer.maxBytes());
        assertThat(JavaCppLimits.maxPhysicalBytes()).isEqualTo(Pointer.maxPhysicalBytes());
        long heap = Runtime.getRuntime().maxMemory();
        for (String s : new String[] {"0", "123", "4k", "4KB", "512m", "3g", "2 GB", "1t", "50%", "100%"}) {
            assertThat(JavaCppLimits.parseBytes(s, heap)).as(s).isEqualTo(Pointer.parseBytes(s, heap));
        }
        for (String s : new String[] {"4x", "1.5g", "g"}) {
            assertThatThrownBy(() -> JavaCppLimits.parseBytes(s, heap)).as(s).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> Pointer.parseBytes(s, heap)).as(s).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void theNativeBudgetIsTheSmallerLimitLessTheHeapAndWhatIsInUse() {
        MemoryBudget b = MemoryBudget.current();
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(b.heapBytes()).isEqualTo(heap);
        long ram = SystemMemory.totalPhysicalBytes();
        assertThat(ram).as("RAM read from /proc/meminfo or the OS bean").isPositive();
        long limit = Math.min(JavaCppLimits.maxPhysicalBytes(), ram);
        assertThat(b.nativeBytes()).isLessThanOrEqualTo(limit - heap).isGreaterThan(limit - heap - (4L << 30));
        assertThat(b.nativeSource()).contains("less the " + MemoryEstimate.format(heap) + " Java heap");
        assertThat(b.raiseHeap()).isEqualTo(MemoryBudget.CLI_HEAP);
    }

    @Test
    void systemPropertiesReplaceTheLimits() {
        try {
            System.setProperty(MemoryBudget.HEAP_PROPERTY, "64m");
            System.setProperty(MemoryBudget.NATIVE_PROPERTY, "1g");
            MemoryBudget b = MemoryBudget.current("h", "n");
            assertThat(b.heapBytes()).isEqualTo(64L << 20);
            assertThat(b.nativeBytes()).isEqualTo(1L << 30);
            assertThat(b.heapSource()).contains(MemoryBudget.HEAP_PROPERTY);
            assertThat(b.nativeSource()).contains(MemoryBudget.NATIVE_PROPERTY);
            assertThat(b.raiseNative()).isEqualTo("n");
        } finally {
            System.clearProperty(MemoryBudget.HEAP_PROPERTY);
            System.clearProperty(MemoryBudget.NATIVE_PROPERTY);
        }
    }
}
