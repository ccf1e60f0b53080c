package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME's {@code ModelContentWO}: write-only model content (port object persistence). */
public interface ModelContentWO extends ConfigWO {

    ModelContentWO addModelContent(String key);
}
