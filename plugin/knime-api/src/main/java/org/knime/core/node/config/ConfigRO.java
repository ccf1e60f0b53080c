package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Stand-in for KNIME's {@code ConfigRO}: read access, with sub-configs as {@link Config}s. */
public interface ConfigRO extends ConfigBaseRO, javax.swing.tree.TreeNode {

    Config getConfig(String key) throws InvalidSettingsException;

    @Override
    Iterator<String> iterator();
}
