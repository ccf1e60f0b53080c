package org.vaenodes.knime.table;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;

/** The pixel column filter shared by the nodes that read images from a table. */
public final class ColumnSelection {

    private static final String CONFIG = "pixel_columns";

    private ColumnSelection() {
    }

    /** A column filter named {@code pixel_columns}; see {@link #resolve}. */
    public static SettingsModelColumnFilter2 create() {
        return new SettingsModelColumnFilter2(CONFIG);
    }

    /**
     * The indices of the selected columns in {@code spec}, which must be {@code height × width} pixel columns
     * for a model of that image size.
     *
     * @throws InvalidSettingsException when nothing or the wrong number of columns is selected
     */
    public static int[] pixelIndices(final SettingsModelColumnFilter2 filter, final DataTableSpec spec,
        final int height, final int width) throws InvalidSettingsException {
        String[] cols = resolve(filter, spec);
        PixelColumns.checkCount(cols.length, height, width, "The model");
        return PixelColumns.indices(spec, cols);
    }

    /**
     * The selected columns. A filter that was never set up (no column included or excluded yet) is set to the
     * table's {@code px_<n>} columns first, as KNIME nodes do on their first configure.
     *
     * @throws InvalidSettingsException when nothing is selected
     */
    public static String[] resolve(final SettingsModelColumnFilter2 filter, final DataTableSpec spec)
        throws InvalidSettingsException {
        if (isUnset(filter)) {
            List<String> defaults = PixelColumns.defaultColumns(spec);
            if (defaults.isEmpty()) {
                throw new InvalidSettingsException("The input table has no pixel columns named px_0, px_1, …; "
                    + "select the pixel columns in the node dialog.");
            }
            filter.loadDefaults(spec, PixelColumns.defaultSelection(), true);
        }
        String[] cols = filter.applyTo(spec).getIncludes();
        if (cols.length == 0) {
            throw new InvalidSettingsException("No pixel columns are selected; select the image's pixel columns "
                + "(px_0, px_1, …) in the node dialog.");
        }
        return cols;
    }

    private static boolean isUnset(final SettingsModelColumnFilter2 filter) {
        NodeSettings s = new NodeSettings("probe");
        filter.saveSettingsTo(s);
        try {
            NodeSettings c = s.getNodeSettings(CONFIG);
            return c.getStringArray("included_names", new String[0]).length == 0
                && c.getStringArray("excluded_names", new String[0]).length == 0;
        } catch (InvalidSettingsException | RuntimeException e) {
            return false;
        }
    }
}
