package org.vaenodes.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * vae-cli.jar runs without KNIME: the CLI module depends on the engine only, so neither KNIME nor the node
 * classes are on its class path or in its lib/ folder. This makes sure the build keeps it that way (a dependency on the
 * bundle or the KNIME API would make these classes loadable).
 */
class NoKnimeOnTheCliClassPathTest {

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
