package org.knime.core.node.config.base;

/** Stand-in for KNIME's write-only config view. Adding an existing key replaces its value. */
public interface ConfigBaseWO {

    String getKey();

    ConfigBase addConfigBase(String key);

    void addInt(String key, int value);

    void addIntArray(String key, int... values);

    void addDouble(String key, double value);

    void addDoubleArray(String key, double... values);

    void addFloat(String key, float value);

    void addFloatArray(String key, float... values);

    void addChar(String key, char value);

    void addCharArray(String key, char... values);

    void addShort(String key, short value);

    void addShortArray(String key, short... values);

    void addLong(String key, long value);

    void addLongArray(String key, long... values);

    void addByte(String key, byte value);

    void addByteArray(String key, byte... values);

    void addString(String key, String value);

    void addStringArray(String key, String... values);

    void addBoolean(String key, boolean value);

    void addBooleanArray(String key, boolean... values);

    void addPassword(String key, String encryptionKey, String value);

    void addTransientString(String key, String value);
}
