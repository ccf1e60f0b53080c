package org.knime.core.node.util.filter;

/** Stand-in for KNIME's {@code InputFilter}: decides whether an element is offered at all. */
public abstract class InputFilter<T> {

    public abstract boolean include(T element);
}
