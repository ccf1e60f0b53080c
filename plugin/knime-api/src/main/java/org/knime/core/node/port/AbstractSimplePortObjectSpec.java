package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Stand-in for KNIME's {@code AbstractSimplePortObjectSpec}: a spec persisted as {@link ModelContent}.
 * Subclasses need a public no-argument constructor (used when loading). Equality compares the saved content.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    private static final String ENTRY = "content.xml";

    private static final String CFG_CLASS = "class_name";

    private static final String CFG_MODEL = "model";

    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private byte[] contentBytes() {
        ModelContent m = new ModelContent(CFG_MODEL);
        save(m);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            m.saveToXML(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save " + getClass().getName() + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        return obj != null && obj.getClass() == getClass()
            && Arrays.equals(contentBytes(), ((AbstractSimplePortObjectSpec)obj).contentBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contentBytes());
    }

    /** Serializer base: subclasses only bind {@code T}. */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @Override
        public void savePortObjectSpec(final T spec, final PortObjectSpecZipOutputStream out) throws IOException {
            ModelContent m = new ModelContent(ENTRY);
            savePortObjectSpecToModelSettings(spec, m);
            out.putNextEntry(new ZipEntry(ENTRY));
            m.saveToXML(NonClosing.out(out));
            out.closeEntry();
        }

        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            NonClosing.expectEntry(in, ENTRY);
            ModelContentRO m = ModelContent.loadFromXML(NonClosing.in(in));
            try {
                return loadPortObjectSpecFromModelSettings(m);
            } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
                throw new IOException("Cannot load port object spec: " + e.getMessage(), e);
            }
        }

        /** Writes the spec's class name and content into the given model content. */
        public static <T extends AbstractSimplePortObjectSpec> void savePortObjectSpecToModelSettings(final T spec,
            final ModelContentWO model) {
            model.addString(CFG_CLASS, spec.getClass().getName());
            spec.save(model.addModelContent(CFG_MODEL));
        }

        /** Reads a spec written by {@link #savePortObjectSpecToModelSettings}. */
        @SuppressWarnings("unchecked")
        public static <T extends AbstractSimplePortObjectSpec> T loadPortObjectSpecFromModelSettings(
            final ModelContentRO model)
            throws IOException, ClassNotFoundException, InstantiationException, IllegalAccessException {
            try {
                T spec = (T)NonClosing.instantiate(model.getString(CFG_CLASS), AbstractSimplePortObjectSpec.class);
                spec.load(model.getModelContent(CFG_MODEL));
                return spec;
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot load port object spec: " + e.getMessage(), e);
            }
        }
    }
}
