package org.knime.core.node.util;

/** Stand-in for KNIME's {@code ButtonGroupEnumInterface}: an option of a button group (usually an enum). */
public interface ButtonGroupEnumInterface {

    String getText();

    String getActionCommand();

    String getToolTip();

    boolean isDefault();
}
