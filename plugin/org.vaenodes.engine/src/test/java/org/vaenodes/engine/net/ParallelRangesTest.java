package org.vaenodes.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vaenodes.engine.nd4j.NativeBackend;

class ParallelRangesTest {

    /** The parts cover [0, length) once, start on whole grains, and run on as many threads as the backend has. */
    @Test
    void partsCoverTheRangeOnceOnWholeGrains() {
        NativeBackend.start();
        int before = NativeBackend.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                NativeBackend.setThreads(threads);
                for (int length : new int[] {0, 1, 63, 64, 65, 10_007}) {
                    List<int[]> parts = Collections.synchronizedList(new ArrayList<>());
                    Set<String> names = Collections.synchronizedSet(new HashSet<>());
                    ParallelRanges.run(length, 64, (from, to) -> {
                        parts.add(new int[] {from, to});
                        names.add(Thread.currentThread().getName());
                    });
                    List<int[]> sorted = new ArrayList<>(parts);
                    sorted.sort(Comparator.comparingInt(p -> p[0]));
                    int next = 0;
                    for (int[] p : sorted) {
                        assertThat(p[0]).as("start of a part (length %d, %d threads)", length, threads)
                                .isEqualTo(next);
                        assertThat(p[0] % 64).as("a part starts on a whole grain").isZero();
                        next = p[1];
                    }
                    assertThat(next).as("end of the last part").isEqualTo(length);
                    int expected = Math.max(1, Math.min(threads, (length + 63) / 64));
                    assertThat(sorted).as("parts for length %d on %d threads", length, threads).hasSize(expected);
                    assertThat(names).as("threads used").hasSize(expected);
                }
            }
        } finally {
            NativeBackend.setThreads(before);
        }
    }

    /** A failure in a part that runs on a worker reaches the caller, after every part has finished. */
    @Test
    void aFailureInAWorkersPartIsRethrown() {
        NativeBackend.start();
        int before = NativeBackend.threads();
        try {
            NativeBackend.setThreads(2);
            List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
            assertThatThrownBy(() -> ParallelRanges.run(1000, 10, (from, to) -> {
                if (from > 0) {
                    throw new IllegalStateException("part at " + from);
                }
                finished.add(from);
            })).isInstanceOf(IllegalStateException.class).hasMessage("part at 500");
            assertThat(finished).containsExactly(0);
        } finally {
            NativeBackend.setThreads(before);
        }
    }

    /** Chunks cover [0, length) once, start on multiples of a chunk, and reuse their part's buffers. */
    @Test
    void chunksCoverTheRangeOnceFromWholeChunksWithTheirPartsBuffers() {
        NativeBackend.start();
        int before = NativeBackend.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                NativeBackend.setThreads(threads);
                for (int length : new int[] {0, 1, ParallelRanges.CHUNK, 3 * ParallelRanges.CHUNK + 7}) {
                    int[] seen = new int[length];
                    Set<float[]> buffers = Collections.synchronizedSet(new HashSet<>());
                    ParallelRanges.runChunks(length, 2, (start, n, b) -> {
                        assertThat(start % ParallelRanges.CHUNK).isZero();
                        assertThat(b).hasNumberOfRows(2);
                        assertThat(b[0].length).isGreaterThanOrEqualTo(n).isLessThanOrEqualTo(ParallelRanges.CHUNK);
                        buffers.add(b[0]);
                        for (int i = start; i < start + n; i++) {
                            seen[i]++;
                        }
                    });
                    for (int i = 0; i < length; i++) {
                        assertThat(seen[i]).as("element %d of %d on %d threads", i, length, threads).isEqualTo(1);
                    }
                    // one buffer per part, not per chunk: at most one part per thread
                    assertThat(buffers.size()).isLessThanOrEqualTo(threads);
                }
            }
        } finally {
            NativeBackend.setThreads(before);
        }
    }
}
