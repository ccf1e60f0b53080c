package org.vaenodes.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The engine is usable without KNIME: its module has no KNIME class on its class path, so nothing in it can even
 * compile against KNIME. This makes sure the build keeps it that way (a KNIME jar added to the engine's
 * dependencies would make these classes loadable).
 */
class NoKnimeOnTheEngineClassPathTest {

    @Test
    void noKnimeClassCanBeLoaded() {
        assertThatThrownBy(() -> Class.forName("org.knime.core.node.NodeModel"))
            .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.knime.core.data.DataTableSpec"))
            .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noNodeClassCanBeLoaded() {
        assertThatThrownBy(() -> Class.forName("org.vaenodes.knime.port.VaeModelPortObject"))
            .isInstanceOf(ClassNotFoundException.class);
    }
}
