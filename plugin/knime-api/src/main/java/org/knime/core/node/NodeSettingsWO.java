package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME's {@code NodeSettingsWO}: write-only node settings. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);

    void addNodeSettings(NodeSettings settings);

    @Override
    void addPassword(String key, String encryptionKey, String value);
}
