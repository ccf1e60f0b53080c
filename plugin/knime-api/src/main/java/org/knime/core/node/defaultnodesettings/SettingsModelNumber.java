package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's {@code SettingsModelNumber}: base of the numeric settings models. */
public abstract class SettingsModelNumber extends SettingsModel {
}
