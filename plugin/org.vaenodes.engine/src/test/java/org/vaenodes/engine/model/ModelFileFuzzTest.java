package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaenodes.engine.model.ModelZips.Entry;

/**
 * Mutates a valid tiny model file (bytes of the zip, bytes of one entry re-zipped with a correct CRC, the entry
 * list, and the known crash cases as a seed corpus) and requires that loading either gives a model whose
 * weights are finite and within bounds, or a one-line ModelFileException naming the file; any other exception
 * or an Error fails. The file keeps an optimizer state (format version 2), so its manifest keys and moment entries
 * are mutated too; loaded moments must be within bounds as well. The seed is fixed so a failure reproduces; change it to explore further.
 */
class ModelFileFuzzTest {

    private static final String FILE = "fuzz.zip";
    private static final long[] SPECIAL_LONGS = {0, 1, -1, 2, 7, 127, 128, 129, 255, 2_000_000_000L, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 'c', 'f', 1L << 13, 1L << 14, 1L << 12};
    private static final float[] SPECIAL_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e38f,
        -3e38f, 1e7f, 1e6f, Float.MIN_VALUE, -0f};

    private static VaeConfig config;
    private static byte[] valid;
    private static List<Entry> entries;

    private static synchronized void setUp() {
        if (valid == null) {
            config = ModelZips.tinyConfig();
            try (VaeModel m = ModelZips.modelWithOptimizerState(config)) {
                valid = ModelZips.write(m);
            }
            entries = ModelZips.entries(valid);
        }
    }

    /** One mutated file and how it was made (shown when the property fails). */
    record Mutant(String how, byte[] file) {
        @Override
        public String toString() {
            return how + " (" + file.length + " bytes)";
        }
    }

    @Property(tries = 4000, seed = "20260410", shrinking = ShrinkingMode.BOUNDED)
    void mutatedModelFilesLoadWithSaneWeightsOrAreRefusedInOneLine(@ForAll("mutants") Mutant mutant) {
        VaeModel model;
        try {
            model = VaeModelFile.read(new ByteArrayInputStream(mutant.file()), FILE);
        } catch (ModelFileException e) {
            assertThat(e.getMessage()).startsWith(FILE + ": ").doesNotContain("\n", "\r");
            return;
        } catch (java.io.IOException e) {
            throw new AssertionError("not a ModelFileException: " + e, e);
        }
        try (model) {
            for (INDArray a : model.weights().values()) {
                for (float v : Nd4j.toFlattened('c', a).toFloatVector()) {
                    assertThat(Math.abs(v)).isLessThanOrEqualTo((float) ModelFileLimits.MAX_ABS_WEIGHT);
                }
            }
            OptimizerState state = model.optimizerState();
            if (state != null) {
                assertThat(state.firstMoments()).hasSameSizeAs(state.secondMoments());
                for (int i = 0; i < state.firstMoments().length; i++) {
                    assertThat(Math.abs(state.firstMoments()[i])).isLessThanOrEqualTo((float) ModelFileLimits.MAX_ABS_MOMENT);
                    float v = state.secondMoments()[i];
                    assertThat(v >= 0 && v <= ModelFileLimits.MAX_ABS_MOMENT).as("second moment %s", v).isTrue();
                }
            }
            float[] image = new float[model.config().pixels()];
            Arrays.fill(image, 0.5f);
            assertThat(model.reconstruct(image, 1)).hasSize(model.config().pixels());
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        setUp();
        return Arbitraries.frequencyOf(
                Tuple.of(1, crashCases()),
                Tuple.of(3, fileByteChanges()),
                Tuple.of(5, entryChanges()),
                Tuple.of(1, entryListChanges()));
    }

    /** The cases that crashed or fooled the ND4J reader, on every weights entry. */
    private Arbitrary<Mutant> crashCases() {
        List<VaeWeights.Param> params = VaeWeights.params(config);
        return Combinators.combine(Arbitraries.integers().between(0, params.size() - 1),
                Arbitraries.integers().between(0, 5)).as((i, kind) -> {
                    VaeWeights.Param p = params.get(i);
                    Nd4jBytes b = Nd4jBytes.of(p.shape());
                    String how = switch (kind) {
                        case 0 -> { b.dataLength = 2_000_000_000L; b.valueCount = 0; yield "huge declared length"; }
                        case 1 -> { b.dataLength = (long) b.values.length - 1; b.valueCount = b.values.length - 1; yield "short buffer"; }
                        case 2 -> { b.dataType = "DOUBLE"; yield "DOUBLE data under a FLOAT layout"; }
                        case 3 -> { b.values[b.values.length / 2] = Double.NaN; yield "NaN"; }
                        case 4 -> { b.values[0] = 3e38; yield "3e38"; }
                        default -> { b.infoLength = 2_000_000_000L; yield "huge shape information"; }
                    };
                    String name = VaeModelFile.WEIGHTS_DIR + p.name() + ".nd4j";
                    return new Mutant(how + " in " + name, ModelZips.replace(valid, name, b.build()));
                });
    }

    /** Random bytes of the zip itself changed, or the zip cut short. */
    private Arbitrary<Mutant> fileByteChanges() {
        Arbitrary<int[]> change = Combinators.combine(Arbitraries.integers().between(0, valid.length - 1),
                Arbitraries.integers().between(0, 255)).as((at, v) -> new int[] {at, v});
        Arbitrary<Mutant> flips = change.list().ofMinSize(1).ofMaxSize(8).map(changes -> {
            byte[] f = valid.clone();
            for (int[] c : changes) {
                f[c[0]] = (byte) c[1];
            }
            return new Mutant("zip bytes changed " + describe(changes), f);
        });
        Arbitrary<Mutant> cut = Arbitraries.integers().between(0, valid.length - 1)
                .map(n -> new Mutant("zip cut to " + n + " bytes", Arrays.copyOf(valid, n)));
        return Arbitraries.oneOf(flips, cut);
    }

    /** One entry's content changed, then zipped again so the change reaches the reader. */
    private Arbitrary<Mutant> entryChanges() {
        return Combinators.combine(Arbitraries.integers().between(0, entries.size() - 1),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
                Arbitraries.integers().between(0, SPECIAL_LONGS.length * SPECIAL_FLOATS.length * 256 - 1))
                .as((i, kind, where, what) -> {
                    Entry e = entries.get(i);
                    byte[] d = e.data().clone();
                    int at = d.length == 0 ? 0 : where % d.length;
                    String how;
                    switch (kind) {
                        case 0 -> {
                            d[at] = (byte) what.intValue();
                            how = "byte " + at + " set to " + (what & 0xff);
                        }
                        case 1 -> {
                            long v = SPECIAL_LONGS[what % SPECIAL_LONGS.length];
                            at = Math.max(0, Math.min(at, d.length - 8));
                            if (d.length >= 8) {
                                ByteBuffer.wrap(d).putLong(at, v);
                            }
                            how = "long at " + at + " set to " + v;
                        }
                        case 2 -> {
                            float v = SPECIAL_FLOATS[what % SPECIAL_FLOATS.length];
                            at = Math.max(0, Math.min(at, d.length - 4));
                            if (d.length >= 4) {
                                ByteBuffer.wrap(d).putFloat(at, v);
                            }
                            how = "float at " + at + " set to " + v;
                        }
                        case 3 -> {
                            d = Arrays.copyOf(d, at);
                            how = "cut to " + at + " bytes";
                        }
                        case 4 -> {
                            byte[] longer = Arrays.copyOf(d, d.length + 1 + what % 16);
                            Arrays.fill(longer, d.length, longer.length, (byte) what.intValue());
                            d = longer;
                            how = (longer.length - e.data().length) + " bytes appended";
                        }
                        default -> {
                            byte[] longer = new byte[d.length + 8];
                            System.arraycopy(d, 0, longer, 0, at);
                            System.arraycopy(d, at, longer, at + 8, d.length - at);
                            d = longer;
                            how = "8 bytes inserted at " + at;
                        }
                    }
                    List<Entry> list = new ArrayList<>(entries);
                    list.set(i, new Entry(e.name(), d));
                    return new Mutant(e.name() + ": " + how, ModelZips.zip(list));
                });
    }

    /** Entries dropped, repeated, swapped or renamed. */
    private Arbitrary<Mutant> entryListChanges() {
        int n = entries.size();
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, n - 1),
                Arbitraries.integers().between(0, n - 1), Arbitraries.strings().ofMaxLength(12))
                .as((kind, i, j, text) -> {
                    List<Entry> list = new ArrayList<>(entries);
                    String how;
                    switch (kind) {
                        case 0 -> {
                            list.remove((int) i);
                            how = "dropped " + entries.get(i).name();
                        }
                        case 1 -> {
                            list.add(j, entries.get(i));
                            how = "repeated " + entries.get(i).name() + " at " + j;
                        }
                        case 2 -> {
                            list.set(i, entries.get(j));
                            list.set(j, entries.get(i));
                            how = "swapped " + i + " and " + j;
                        }
                        default -> {
                            String name = text.isEmpty() ? "weights/x.nd4j" : text;
                            list.set(i, new Entry(name, entries.get(i).data()));
                            how = "renamed " + entries.get(i).name() + " to " + name;
                        }
                    }
                    return new Mutant(how, ModelZips.zip(list));
                });
    }

    private static String describe(List<int[]> changes) {
        StringBuilder s = new StringBuilder();
        for (int[] c : changes) {
            s.append(s.length() == 0 ? "" : ", ").append(c[0]).append('=').append(c[1]);
        }
        return s.toString();
    }
}
