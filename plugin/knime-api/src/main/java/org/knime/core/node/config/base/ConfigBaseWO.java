package org.knime.core.node.config.base;

/** Stand-in for KNIME's write-only config view. Adding an existing key replaces its value. */
public interface ConfigBaseWO {

    String getKey();

    ConfigBase addConfigBase(String key);

    void addInt(String key, int value);

    void addDouble(String key, double value);

    void addFloat(String key, float value);

    void addChar(String key, char value);

    void addShort(String key, short value);

    void addLong(String key, long value);

    void addByte(String key, byte value);

    void addString(String key, String value);

    void addStringArray(String key, String... values);

    void addBoolean(String key, boolean value);

    void addPassword(String key, String encryptionKey, String value);

    void addTransientString(String key, String value);
}
