package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in for KNIME's read-only config view. The getters without default throw on a missing key. */
public interface ConfigBaseRO extends Iterable<String> {

    String getKey();

    boolean containsKey(String key);

    Set<String> keySet();

    @Override
    Iterator<String> iterator();

    void copyTo(ConfigBaseWO dest);

    void saveToXML(OutputStream os) throws IOException;

    ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    int getInt(String key) throws InvalidSettingsException;

    int getInt(String key, int def);

    double getDouble(String key) throws InvalidSettingsException;

    double getDouble(String key, double def);

    long getLong(String key) throws InvalidSettingsException;

    long getLong(String key, long def);

    String getString(String key) throws InvalidSettingsException;

    String getString(String key, String def);

    String[] getStringArray(String key) throws InvalidSettingsException;

    String[] getStringArray(String key, String... def);

    boolean getBoolean(String key) throws InvalidSettingsException;

    boolean getBoolean(String key, boolean def);
}
