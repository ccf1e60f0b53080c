package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Stand-in for KNIME's {@code ConfigRO}: read access including KNIME data objects. */
public interface ConfigRO extends ConfigBaseRO, javax.swing.tree.TreeNode {

    Config getConfig(String key) throws InvalidSettingsException;

    DataCell getDataCell(String key) throws InvalidSettingsException;

    DataCell getDataCell(String key, DataCell def);

    DataCell[] getDataCellArray(String key) throws InvalidSettingsException;

    DataCell[] getDataCellArray(String key, DataCell... def);

    DataType getDataType(String key) throws InvalidSettingsException;

    DataType getDataType(String key, DataType def);

    DataType[] getDataTypeArray(String key) throws InvalidSettingsException;

    DataType[] getDataTypeArray(String key, DataType... def);

    RowKey getRowKey(String key) throws InvalidSettingsException;

    RowKey getRowKey(String key, RowKey def);

    RowKey[] getRowKeyArray(String key) throws InvalidSettingsException;

    RowKey[] getRowKeyArray(String key, RowKey... def);

    @Override
    Iterator<String> iterator();
}
