package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Stand-in for KNIME's {@code NodeSettings}: the in-memory settings tree a node model saves to and loads from.
 * See {@link org.knime.core.node.config.base.ConfigBase} for the behaviour.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    private static final long serialVersionUID = 1L;

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (!(c instanceof NodeSettings)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" in \"" + getKey() + "\" is no NodeSettings.");
        }
        return (NodeSettings)c;
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        copyTo((ConfigBaseWO)dest);
    }

    /** Reads settings written by {@link #saveToXML}; the stream is closed. */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettings)Config.loadFromXML(new NodeSettings("ignored"), in);
    }
}
