package org.vaenodes.engine.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.vaenodes.engine.nd4j.NativeBackend;

/**
 * Builds valid and hostile model zips for tests: entry lists that can be edited, and entries that inflate to
 * gigabytes while taking a few megabytes (deflate blocks of one repeated byte, concatenated).
 */
public final class ModelZips {

    private ModelZips() {
    }

    /** One zip entry: its name and uncompressed content. */
    public record Entry(String name, byte[] data) {
    }

    /** A 4×4 VAE with two filters per layer: 14 weights entries, 225 values. */
    public static VaeConfig tinyConfig() {
        return VaeConfig.builder().imageSize(4, 4).kernelSize(2).encoderFilters(2).encoderStrides(2)
                .decoderFilters(2).decoderStrides(1).latentSize(2).decoderHidden(3).batchSize(4).iterations(1)
                .build();
    }

    /** A model of {@code c} with its seeded initial weights (biases set to small non-zero values). */
    public static VaeModel model(VaeConfig c) {
        NativeBackend.start();
        var w = VaeWeights.initial(c, DataType.FLOAT);
        w.values().stream().filter(a -> a.rank() == 1).forEach(a -> {
            for (long i = 0; i < a.length(); i++) {
                a.putScalar(i, 0.01 * (i + 1));
            }
        });
        return new VaeModel(c, w, 7, 0.25);
    }

    /** As {@link #model}, keeping an optimizer state of small moments (v ≥ 0) at Adam step 7. */
    public static VaeModel modelWithOptimizerState(VaeConfig c) {
        try (VaeModel plain = model(c)) {
            int n = (int) ModelFileLimits.parameterCount(VaeWeights.params(c));
            float[] m = new float[n];
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                m[i] = (i % 7 - 3) * 1e-3f;
                v[i] = (i % 5) * 1e-6f;
            }
            java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> copies = new java.util.LinkedHashMap<>();
            plain.weights().forEach((k, a) -> copies.put(k, a.dup()));
            return new VaeModel(c, copies, 7, 0.25, new OptimizerState(m, v, 7));
        }
    }

    public static byte[] write(VaeModel model) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VaeModelFile.write(model, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Entry> entries(byte[] zip) {
        List<Entry> list = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                list.add(new Entry(e.getName(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** A zip of {@code entries}, in order; a repeated name is written under a stand-in name and patched after. */
    public static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String[]> patches = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                String name = e.name();
                if (!seen.add(name)) {
                    String standIn = name.substring(0, name.length() - 1) + "~";
                    patches.add(new String[] {standIn, name});
                    name = standIn;
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(e.data());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        for (String[] p : patches) {
            byte[] from = p[0].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] to = p[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i + from.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, bytes, i, to.length);
                }
            }
        }
        return bytes;
    }

    /** {@code zip} with entry {@code name} holding {@code data} instead. */
    public static byte[] replace(byte[] zip, String name, byte[] data) {
        List<Entry> list = entries(zip);
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                list.set(i, new Entry(name, data));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no entry " + name + " in " + names(list));
        }
        return zip(list);
    }

    public static byte[] data(byte[] zip, String name) {
        return entries(zip).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().data();
    }

    public static List<String> names(List<Entry> entries) {
        return entries.stream().map(Entry::name).toList();
    }

    // ---- entries that inflate to gigabytes ------------------------------------------------------------------

    /**
     * The local zip records of {@code entries} (no central directory: a streaming reader needs none), followed by
     * an entry {@code name} whose content is {@code prefix} and then {@code size} copies of {@code fill}. The big
     * entry's CRC and sizes are left 0, so a reader that reached its end would get a ZipException, never a model.
     */
    public static byte[] withInflatingEntry(List<Entry> entries, String name, byte[] prefix, byte fill, long size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.data());
                zip.closeEntry();
            }
            zip.flush(); // not finished: the central directory would come before our raw entry
            localHeader(out, name);
            out.write(deflatedSyncFlushed(prefix));
            out.write(deflatedRepeats(fill, size));
            out.write(new byte[] {3, 0}); // an empty final block
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #withInflatingEntry} but the big entry spends {@code blocks} empty deflate blocks on nothing. */
    public static byte[] withEmptyBlocksEntry(List<Entry> entries, String name, byte[] prefix, int blocks) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.data());
                zip.closeEntry();
            }
            zip.flush();
            localHeader(out, name);
            out.write(deflatedSyncFlushed(prefix));
            byte[] empty = {0, 0, 0, (byte) 0xff, (byte) 0xff}; // stored block, not final, length 0
            for (int i = 0; i < blocks; i++) {
                out.write(empty);
            }
            out.write(new byte[] {3, 0});
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local file header for a deflated entry whose CRC and sizes follow in a data descriptor. */
    private static void localHeader(ByteArrayOutputStream out, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] fields = {0x04034b50, 4, 20, 2, 0x0808, 2, 8, 2, 0, 4, 0, 4, 0, 4, 0, 4, n.length, 2, 0, 2};
        for (int i = 0; i < fields.length; i += 2) {
            for (int b = 0; b < fields[i + 1]; b++) {
                out.write(fields[i] >>> (8 * b));
            }
        }
        out.writeBytes(n);
    }

    /** Raw deflate data of {@code data}, not final, ending on a byte boundary. */
    private static byte[] deflatedSyncFlushed(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    /**
     * Raw deflate blocks that inflate to {@code size} bytes of {@code fill}: one compressed mebibyte repeated. Each
     * copy starts with the literal and then copies at distance 1, so it decodes the same after any data.
     */
    public static byte[] deflatedRepeats(byte fill, long size) {
        int chunk = 1 << 20;
        byte[] plain = new byte[chunk];
        Arrays.fill(plain, fill);
        byte[] compressed = deflatedSyncFlushed(plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long done = 0; done < size; done += chunk) {
            out.writeBytes(compressed);
        }
        return out.toByteArray();
    }
}
