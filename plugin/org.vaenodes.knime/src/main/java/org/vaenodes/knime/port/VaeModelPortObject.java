package org.vaenodes.knime.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.model.VaeModelFile;

/**
 * A trained VAE. Holds the model in the engine's model file format (bytes), so it owns no native memory: every
 * execution that needs the network opens its own {@link VaeModel} with {@link #openModel()} and closes it.
 * Saved inside the workflow as that same model file.
 */
public final class VaeModelPortObject extends AbstractPortObject {

    /** The port type (registered in plugin.xml). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(VaeModelPortObject.class);

    /** Optional variant of {@link #TYPE}. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(VaeModelPortObject.class, true);

    static final String MODEL_ENTRY = "vae-model.zip";

    private static final int MAX_SKIPPED_ENTRIES = 8;

    private static final int MAX_SKIPPED_ENTRY_BYTES = 64 * 1024;

    private VaeModelPortObjectSpec m_spec;

    private byte[] m_modelBytes;

    private int m_iterations;

    private double m_finalLoss;

    /** For the serializer only. */
    public VaeModelPortObject() {
    }

    /** Captures a trained model (its file bytes); the model itself stays with the caller. */
    public VaeModelPortObject(final VaeModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VaeModelFile.write(model, bytes);
        m_modelBytes = bytes.toByteArray();
        m_spec = new VaeModelPortObjectSpec(model.config());
        m_iterations = model.iterationsTrained();
        m_finalLoss = model.finalLoss();
    }

    /** A new model instance on the calling thread; the caller must close it. */
    public VaeModel openModel() throws IOException {
        return VaeModelFile.read(new ByteArrayInputStream(m_modelBytes), "VAE model port");
    }

    /** Iterations the model was trained for. */
    public int getIterationsTrained() {
        return m_iterations;
    }

    /** Loss of the last training iteration. */
    public double getFinalLoss() {
        return m_finalLoss;
    }

    /** The model file's size in bytes. */
    public int getModelFileSize() {
        return m_modelBytes.length;
    }

    @Override
    public VaeModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return String.format(Locale.ROOT, "VAE %d×%d, latent %d, %d iterations, final loss %.4f",
            m_spec.getHeight(), m_spec.getWidth(), m_spec.getLatentSize(), m_iterations, m_finalLoss);
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(getSummary() + "\n\n" + m_spec.describe() + "\n\n" + m_spec.getConfigJson());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("VAE Model");
        return new JComponent[]{pane};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(MODEL_ENTRY));
        out.write(m_modelBytes);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        try {
            skipToModelEntry(in);
            // The model is validated while it streams in, so a crafted entry is refused before it is buffered.
            CapturingInput capture = new CapturingInput(in);
            try (VaeModel model = VaeModelFile.read(capture, MODEL_ENTRY)) {
                m_modelBytes = capture.bytes();
                m_spec = new VaeModelPortObjectSpec(model.config());
                m_iterations = model.iterationsTrained();
                m_finalLoss = model.finalLoss();
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot load the VAE model saved in the workflow: " + oneLine(e.getMessage())
                + ". Reset and re-execute the VAE Learner.", e);
        }
    }

    /** Entries other than ours are tolerated, but only a few small ones: each must be inflated to be skipped. */
    private static void skipToModelEntry(final PortObjectZipInputStream in) throws IOException {
        for (int skipped = 0; skipped <= MAX_SKIPPED_ENTRIES; skipped++) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) {
                break;
            }
            if (MODEL_ENTRY.equals(entry.getName())) {
                return;
            }
            if (in.readNBytes(MAX_SKIPPED_ENTRY_BYTES + 1).length > MAX_SKIPPED_ENTRY_BYTES) {
                throw new IOException("it has an unexpected entry larger than " + MAX_SKIPPED_ENTRY_BYTES / 1024
                    + " KiB before " + MODEL_ENTRY + "; the workflow data is damaged");
            }
        }
        throw new IOException("it has no " + MODEL_ENTRY + " entry (looked at the first " + (MAX_SKIPPED_ENTRIES + 1)
            + "); the workflow data is damaged");
    }

    private static String oneLine(final String message) {
        return message == null ? "unreadable data" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** Keeps a copy of every byte read through it: the port holds the model file exactly as it was saved. */
    private static final class CapturingInput extends FilterInputStream {
        private final ByteArrayOutputStream m_copy = new ByteArrayOutputStream();

        CapturingInput(final InputStream in) {
            super(in);
        }

        byte[] bytes() {
            return m_copy.toByteArray();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                m_copy.write(b);
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                m_copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(final long n) throws IOException {
            byte[] discard = new byte[(int)Math.min(n, 8192)];
            int read = read(discard, 0, discard.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Registered in plugin.xml. */
    public static final class Serializer extends AbstractPortObjectSerializer<VaeModelPortObject> {

        @Override
        public void savePortObject(final VaeModelPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            super.savePortObject(portObject, out, exec);
        }

        @Override
        public VaeModelPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            return super.loadPortObject(in, spec, exec);
        }
    }
}
