package org.vaenodes.knime.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

/**
 * The pixel column filter shared by the nodes that read images from a table.
 *
 * <p>
 * The selection is explicit from the start: a new filter selects the columns matching the wildcard
 * {@value #DEFAULT_PATTERN}, which means the same to the node and to KNIME's column filter dialog. On configure,
 * {@link #settle} also writes the filter's other pages (the manual include/exclude lists and the type list) the way
 * KNIME 5.5's dialog writes them for that input, so that opening the dialog and pressing OK without edits leaves
 * the settings equal and does not reset an executed node (recorded in real KNIME: shared/knime-real).
 */
public final class ColumnSelection {

    static final String CONFIG = "pixel_columns";

    /** Columns a new node uses: the MNIST Reader's and the Reconstructor's pixel columns. */
    public static final String DEFAULT_PATTERN = PixelColumns.PREFIX + "*";

    private static final String KEY_TYPE = "filter-type";

    private static final String PATTERN_TYPE = "name_pattern";

    private static final String KEY_INCLUDED = "included_names";

    private static final String KEY_EXCLUDED = "excluded_names";

    private static final String KEY_ENFORCE = "enforce_option";

    private static final String KEY_TYPES = "datatype";

    private static final String KEY_TYPELIST = "typelist";

    /** The types KNIME 5.5's column filter dialog always lists after the input's own (TypeFilterPanelImpl). */
    private static final List<String> DIALOG_DEFAULT_TYPES = List.of("org.knime.core.data.BooleanValue",
        "org.knime.core.data.IntValue", "org.knime.core.data.DoubleValue", "org.knime.core.data.LongValue",
        "org.knime.core.data.StringValue", "org.knime.core.data.date.DateAndTimeValue");

    private ColumnSelection() {
    }

    /** A column filter named {@code pixel_columns} that selects the columns matching {@value #DEFAULT_PATTERN}. */
    public static SettingsModelColumnFilter2 create() {
        SettingsModelColumnFilter2 filter = new SettingsModelColumnFilter2(CONFIG);
        NodeSettings s = new NodeSettings("defaults");
        filter.saveSettingsTo(s);
        try {
            NodeSettings f = s.getNodeSettings(CONFIG);
            f.addString(KEY_TYPE, PATTERN_TYPE);
            f.getNodeSettings(PATTERN_TYPE).addString("pattern", DEFAULT_PATTERN);
            filter.loadSettingsFrom(s);
        } catch (InvalidSettingsException e) {
            throw new IllegalStateException("KNIME's column filter does not take a name pattern: " + e.getMessage(),
                e);
        }
        return filter;
    }

    /**
     * Call after loading {@code settings} into the filter. Examples and workflows of earlier VAE Nodes versions
     * stored the filter "unset" (manual selection, both lists empty, no pattern page), which meant the {@code px_}
     * columns to the node but every column to KNIME's dialog; such a filter is read as the
     * {@value #DEFAULT_PATTERN} pattern it stood for.
     */
    public static void migrateLegacy(final SettingsModelColumnFilter2 filter, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        if (isLegacyUnset(settings)) {
            SettingsModelColumnFilter2 pattern = create();
            NodeSettings s = new NodeSettings("migrated");
            pattern.saveSettingsTo(s);
            filter.loadSettingsFrom(s);
        }
    }

    private static boolean isLegacyUnset(final NodeSettingsRO settings) {
        try {
            NodeSettingsRO f = settings.getNodeSettings(CONFIG);
            return "STANDARD".equals(f.getString(KEY_TYPE, null)) && !f.containsKey(PATTERN_TYPE)
                && f.getStringArray(KEY_INCLUDED, new String[0]).length == 0
                && f.getStringArray(KEY_EXCLUDED, new String[0]).length == 0;
        } catch (InvalidSettingsException e) {
            return false;
        }
    }

    /**
     * The indices of the selected columns in {@code spec}, which must be {@code height × width} pixel columns
     * for a model of that image size.
     *
     * @throws InvalidSettingsException when nothing or the wrong number of columns is selected
     */
    public static int[] pixelIndices(final SettingsModelColumnFilter2 filter, final DataTableSpec spec,
        final int height, final int width) throws InvalidSettingsException {
        String[] cols = selected(filter, spec);
        PixelColumns.checkCount(cols.length, height, width, "The model");
        return PixelColumns.indices(spec, cols);
    }

    /**
     * The selected columns of {@code spec}, after {@link #settle settling} the filter on it.
     *
     * @throws InvalidSettingsException when nothing is selected
     */
    public static String[] selected(final SettingsModelColumnFilter2 filter, final DataTableSpec spec)
        throws InvalidSettingsException {
        settle(filter, spec);
        String[] cols = filter.applyTo(spec).getIncludes();
        if (cols.length == 0) {
            throw new InvalidSettingsException("No pixel columns are selected: no column of the input matches "
                + "the pixel column selection; select the image's pixel columns (" + DEFAULT_PATTERN
                + " for tables of the MNIST Reader) in the node dialog.");
        }
        return cols;
    }

    /**
     * Makes the filter's settings what KNIME's column filter dialog saves for {@code spec} when OK is pressed
     * without edits; the selection itself does not change. For a pattern, the manual lists take the pattern's
     * result (so the manual page shows the same columns, and excludes columns added later); manual lists are sorted by the input as the dialog does;
     * the type list gets one unselected entry per type the dialog shows.
     */
    public static void settle(final SettingsModelColumnFilter2 filter, final DataTableSpec spec) {
        NodeSettings s = new NodeSettings("settle");
        filter.saveSettingsTo(s);
        try {
            NodeSettings f = s.getNodeSettings(CONFIG);
            if (PATTERN_TYPE.equals(f.getString(KEY_TYPE, null))) {
                var result = filter.applyTo(spec);
                f.addStringArray(KEY_INCLUDED, result.getIncludes());
                f.addStringArray(KEY_EXCLUDED, result.getExcludes());
                // should the user switch to the manual page, columns added later stay out
                f.addString(KEY_ENFORCE, "EnforceInclusion");
            }
            DataColumnSpecFilterConfiguration sorted = new DataColumnSpecFilterConfiguration(CONFIG);
            sorted.loadConfigurationInDialog(s, spec);
            NodeSettings out = new NodeSettings("settled");
            out.addNodeSettings(s.getNodeSettings(CONFIG + "_Internals"));
            sorted.saveConfiguration(out);
            NodeSettings types = out.getNodeSettings(CONFIG).getNodeSettings(KEY_TYPES);
            Map<String, Boolean> shown = dialogTypeList(spec, types.getNodeSettings(KEY_TYPELIST));
            NodeSettingsWO list = types.addNodeSettings(KEY_TYPELIST);
            shown.forEach(list::addBoolean);
            filter.loadSettingsFrom(out);
        } catch (InvalidSettingsException e) {
            throw new IllegalStateException("Cannot settle the pixel column selection: " + e.getMessage(), e);
        }
    }

    /** The type check boxes KNIME's dialog shows: the input's types, the default types, then other selected ones. */
    private static Map<String, Boolean> dialogTypeList(final DataTableSpec spec, final NodeSettingsRO stored) {
        Map<String, Boolean> shown = new LinkedHashMap<>();
        for (DataColumnSpec c : spec) {
            Class<? extends DataValue> preferred = c.getType().getPreferredValueClass();
            if (preferred != null) {
                shown.putIfAbsent(preferred.getName(), Boolean.FALSE);
            }
        }
        for (String t : DIALOG_DEFAULT_TYPES) {
            shown.putIfAbsent(t, Boolean.FALSE);
        }
        for (String key : stored.keySet()) {
            boolean selected = stored.getBoolean(key, false);
            if (shown.containsKey(key) || selected) {
                shown.put(key, selected);
            }
        }
        return shown;
    }
}
