package org.vaenodes.knimestub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The stand-in's settings models against what real KNIME 5.5.3 saved for each of them
 * (shared/knime-real/settings-models-probe.*): model ids, entry types, key order, defaults of the column filter.
 */
class RealKnimeSettingsModelsTest {

    private static Path knimeReal() {
        String prop = System.getProperty("vaenodes.shared");
        Path shared = prop != null && !prop.contains("${") ? Paths.get(prop) : Paths.get("../../../shared");
        Path dir = shared.resolve("knime-real");
        assumeTrue(Files.isRegularFile(dir.resolve("settings-models-probe.settings.xml")),
            "../shared/knime-real not found (set -Dvaenodes.shared=...): skipping the comparison with real KNIME");
        return dir;
    }

    private static String xml(final NodeSettings s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<SettingsModel> probeModels() {
        return List.of(new SettingsModelString("a_string", "x"), new SettingsModelInteger("an_integer", 1),
            new SettingsModelIntegerBounded("an_integer_bounded", 1, 0, 10), new SettingsModelLong("a_long", 1),
            new SettingsModelDouble("a_double", 0.5),
            new SettingsModelDoubleBounded("a_double_bounded", 0.5, 0, 1),
            new SettingsModelBoolean("a_boolean", true), new SettingsModelColumnFilter2("a_column_filter2"));
    }

    @Test
    void everySettingsModelSavesWhatRealKnimeSaves() throws Exception {
        Path recorded = knimeReal().resolve("settings-models-probe.settings.xml");
        NodeSettings ours = new NodeSettings("model");
        for (SettingsModel m : probeModels()) {
            m.saveSettingsTo(ours);
        }
        NodeSettingsRO real;
        try (InputStream in = Files.newInputStream(recorded)) {
            real = NodeSettings.loadFromXML(in);
        }
        // the probe also recorded a SettingsModelLongBounded, which the stand-in leaves out (no node uses it)
        String recordedXml = xml((NodeSettings)real);
        assertThat(recordedXml).contains("<entry key=\"a_long_bounded\" type=\"xlong\" value=\"1\"/>");
        String withoutLongBounded = recordedXml
            .replaceAll("(?s)\\s*<config key=\"a_long_bounded_Internals\">.*?</config>", "")
            .replaceAll("\\s*<entry key=\"a_long_bounded\"[^>]*/>", "");
        assertThat(xml(ours)).isEqualTo(withoutLongBounded);
    }

    @Test
    void internalsComeBeforeTheValue() {
        NodeSettings s = new NodeSettings("model");
        new SettingsModelLong("seed", 3).saveSettingsTo(s);
        assertThat(s.keySet()).containsExactly("seed_Internals", "seed");
    }

    @Test
    void anotherModelsIdFailsAnAssertionAsInKnime() throws Exception {
        NodeSettings s = new NodeSettings("model");
        new SettingsModelLong("seed", 3).saveSettingsTo(s);
        s.getNodeSettings("seed_Internals").addString("SettingsModelID", "SMID_long");
        assumeTrue(SettingsModel.class.desiredAssertionStatus(), "assertions are off (-ea not set)");
        assertThatThrownBy(() -> new SettingsModelLong("seed", 0).loadSettingsFrom(s))
            .isInstanceOf(AssertionError.class).hasMessageContaining("WriteID = SMID_long, ReadID = SMN_long");
    }

    @Test
    void patternFilterSelectsMatchingColumnsInTableOrder() throws Exception {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpec[]{
            new DataColumnSpecCreator("label", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("px_1", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("apx_2", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("px_0", DoubleCell.TYPE).createSpec()});
        SettingsModelColumnFilter2 f = new SettingsModelColumnFilter2("cols");
        NodeSettings s = new NodeSettings("model");
        f.saveSettingsTo(s);
        s.getNodeSettings("cols").addString("filter-type", "name_pattern");
        s.getNodeSettings("cols").getNodeSettings("name_pattern").addString("pattern", "px_*");
        f.loadSettingsFrom(s);
        assertThat(f.applyTo(spec).getIncludes()).containsExactly("px_1", "px_0");
        assertThat(f.applyTo(spec).getExcludes()).containsExactly("label", "apx_2");

        s.getNodeSettings("cols").getNodeSettings("name_pattern").addString("type", "Regex");
        s.getNodeSettings("cols").getNodeSettings("name_pattern").addString("pattern", "px_\\d");
        s.getNodeSettings("cols").getNodeSettings("name_pattern").addBoolean("excludeMatching", true);
        f.loadSettingsFrom(s);
        assertThat(f.applyTo(spec).getIncludes()).containsExactly("label", "apx_2");
    }
}
