package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;

/** Stand-in for KNIME's {@code ModelContent}: an in-memory config tree used to persist port objects. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    private static final long serialVersionUID = 1L;

    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (!(c instanceof ModelContent)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" in \"" + getKey() + "\" is no ModelContent.");
        }
        return (ModelContent)c;
    }

    /** Reads model content written by {@link #saveToXML}; the stream is closed. */
    public static ModelContentRO loadFromXML(final InputStream in) throws IOException {
        return (ModelContent)Config.loadFromXML(new ModelContent("ignored"), in);
    }
}
