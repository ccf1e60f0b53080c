package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Stand-in for KNIME's {@code ModelContentRO}: read-only model content (port object persistence). */
public interface ModelContentRO extends ConfigRO {

    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
