package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Stand-in for KNIME's {@code ConfigWO}: write access, with sub-configs as {@link Config}s. */
public interface ConfigWO extends ConfigBaseWO {

    Config addConfig(String key);
}
