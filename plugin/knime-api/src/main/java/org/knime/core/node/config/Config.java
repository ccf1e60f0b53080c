package org.knime.core.node.config;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Stand-in for KNIME's {@code Config}: a {@link ConfigBase} whose sub-configs are {@code Config}s. KNIME's entries
 * for data cells, data types and row keys are left out: the nodes store none.
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    private static final long serialVersionUID = 1L;

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" in config \"" + getKey() + "\" is no Config.");
        }
        return (Config)c;
    }

    // ------------------------------------------------------------------ XML, text

    @Override
    public void load(final InputStream is) throws IOException {
        super.load(is);
    }

    protected static Config loadFromXML(final Config config, final InputStream in) throws IOException {
        config.load(in);
        return config;
    }

    @Override
    public String toString() {
        return super.toString();
    }
}
