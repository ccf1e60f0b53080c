package org.vaenodes.knime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.vaenodes.knime.nodes.encoder.VaeEncoderNodeFactory;
import org.vaenodes.knime.nodes.learner.VaeLearnerNodeFactory;
import org.vaenodes.knime.nodes.reconstructor.VaeReconstructorNodeFactory;
import org.vaenodes.knimestub.StubNodes;

/**
 * Workflows of VAE Nodes 0.1 stored the pixel column filter "unset"; every node with a pixel column filter must
 * read it as the px_* pattern it meant, through its settings group.
 */
class LegacyColumnFilterTest {

    static Stream<NodeFactory<? extends NodeModel>> nodesWithPixelColumns() {
        return Stream.of(new VaeLearnerNodeFactory(), new VaeEncoderNodeFactory(), new VaeReconstructorNodeFactory());
    }

    @ParameterizedTest
    @MethodSource("nodesWithPixelColumns")
    void unsetFilterOfEarlierVersionsLoadsAsThePixelPattern(final NodeFactory<? extends NodeModel> factory)
        throws Exception {
        NodeModel m = factory.createNodeModel();
        NodeSettings s = StubNodes.saveSettings(m);
        assertThat(s.getNodeSettings("pixel_columns").getString("filter-type")).isEqualTo("name_pattern");
        NodeSettingsWO legacy = s.addNodeSettings("pixel_columns");
        legacy.addString("filter-type", "STANDARD");
        legacy.addStringArray("included_names");
        legacy.addStringArray("excluded_names");
        legacy.addString("enforce_option", "EnforceExclusion");

        NodeModel loaded = factory.createNodeModel();
        StubNodes.loadSettings(loaded, s);
        NodeSettings again = StubNodes.saveSettings(loaded);
        assertThat(again.getNodeSettings("pixel_columns").getString("filter-type")).isEqualTo("name_pattern");
        assertThat(again.getNodeSettings("pixel_columns").getNodeSettings("name_pattern").getString("pattern"))
            .isEqualTo("px_*");
    }
}
