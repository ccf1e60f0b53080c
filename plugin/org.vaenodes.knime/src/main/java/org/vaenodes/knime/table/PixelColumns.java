package org.vaenodes.knime.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knime.core.data.DataColumnProperties;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.filter.InputFilter;

/**
 * Pixel columns: names {@code px_0 … px_{h·w−1}} (row-major), double values, and the image height and width as
 * column properties on each of them so downstream nodes pick the shape up. Colour (RGB) images have one column per
 * value, channel-major: {@code px_r_0 … px_r_{h·w−1}}, then {@code px_g_…}, then {@code px_b_…} (each channel
 * row-major), and the property {@value #PROP_CHANNELS} = 3; grayscale columns are unchanged.
 */
public final class PixelColumns {

    /** Name prefix of pixel columns. */
    public static final String PREFIX = "px_";

    /** Column property holding the image height. */
    public static final String PROP_HEIGHT = "vae.image.height";

    /** Column property holding the image width. */
    public static final String PROP_WIDTH = "vae.image.width";

    /** Column property holding the channels of colour images (3); grayscale columns do not have it. */
    public static final String PROP_CHANNELS = "vae.image.channels";

    /** The channel letters in colour column names, in the order of the channels. */
    private static final String[] CHANNEL_LETTERS = {"r", "g", "b"};

    private static final Pattern COLOUR_NAME = Pattern.compile("(.*)([rgb])_(\\d+)");

    /**
     * The most pixel columns a node appends: 65,536 (256×256). Each column spec and each row's cells cost
     * tens of bytes per pixel, so a million columns would take gigabytes before the first row; larger images
     * stay in the PNG column.
     */
    public static final int MAX_APPENDED = 1 << 16;

    private PixelColumns() {
    }

    /**
     * Checks that pixel columns for images of this size may be appended.
     *
     * @param setting the dialog option that appends them, named in the message
     * @throws InvalidSettingsException when there would be more than {@link #MAX_APPENDED}
     */
    public static void checkAppendable(final int height, final int width, final String setting)
        throws InvalidSettingsException {
        checkAppendable(1, height, width, setting);
    }

    /** As {@link #checkAppendable(int, int, String)} for images of {@code channels} values per pixel. */
    public static void checkAppendable(final int channels, final int height, final int width, final String setting)
        throws InvalidSettingsException {
        long n = (long)channels * height * width;
        if (n > MAX_APPENDED) {
            throw new InvalidSettingsException(String.format(java.util.Locale.ROOT, "Images of %d×%d%s would append "
                + "%,d pixel columns, more than the %,d a table gets; untick \"%s\" (the image column holds them).",
                height, width, channels == 1 ? "" : "×" + channels, n, MAX_APPENDED, setting));
        }
    }

    /** Name of pixel column i. */
    public static String name(final int i) {
        return PREFIX + i;
    }

    /** Double column specs {@code px_0…} with the image size as properties. */
    public static DataColumnSpec[] specs(final int height, final int width) {
        return specs(PREFIX, height, width);
    }

    /** Double column specs {@code prefix0…} with the image size as properties. */
    public static DataColumnSpec[] specs(final String prefix, final int height, final int width) {
        return specs(prefix, 1, height, width);
    }

    /**
     * Double column specs with the image size as properties: {@code prefix0…} for gray images, {@code prefixr_0…,
     * prefixg_0…, prefixb_0…} and the channels property for colour ones.
     */
    public static DataColumnSpec[] specs(final String prefix, final int channels, final int height,
        final int width) {
        Map<String, String> props = new HashMap<>();
        props.put(PROP_HEIGHT, Integer.toString(height));
        props.put(PROP_WIDTH, Integer.toString(width));
        if (channels != 1) {
            props.put(PROP_CHANNELS, Integer.toString(channels));
        }
        DataColumnProperties properties = new DataColumnProperties(props);
        int plane = height * width;
        DataColumnSpec[] specs = new DataColumnSpec[channels * plane];
        for (int i = 0; i < specs.length; i++) {
            DataColumnSpecCreator c = new DataColumnSpecCreator(name(prefix, channels, i / plane, i % plane),
                DoubleCell.TYPE);
            c.setProperties(properties);
            specs[i] = c.createSpec();
        }
        return specs;
    }

    /** Name of the column of channel {@code channel}, pixel {@code pixel}: {@code px_5} or {@code px_g_5}. */
    public static String name(final String prefix, final int channels, final int channel, final int pixel) {
        return channels == 1 ? prefix + pixel : prefix + CHANNEL_LETTERS[channel] + "_" + pixel;
    }

    /**
     * The channels the selected columns hold: 3 when they are named as colour columns ({@code …r_<n>},
     * {@code …g_<n>}, {@code …b_<n>} with one prefix, as many of each) or carry the channels property 3, else 1.
     */
    public static int channels(final DataTableSpec spec, final String[] columns) {
        if (columns.length > 0 && columns.length % 3 == 0) {
            DataColumnSpec first = spec.getColumnSpec(columns[0]);
            if (first != null && "3".equals(first.getProperties().getProperty(PROP_CHANNELS))) {
                return 3;
            }
            return colourOrder(columns) != null ? 3 : 1;
        }
        return 1;
    }

    /**
     * The selected columns in the order the engine takes colour images: channel-major. Columns named as colour
     * columns are put in order by channel letter and pixel number; other names keep their order (the table's).
     */
    public static String[] channelMajor(final String[] columns) {
        String[] ordered = colourOrder(columns);
        return ordered == null ? columns.clone() : ordered;
    }

    /** The columns sorted by (channel, pixel) if all are colour column names with one prefix, else null. */
    private static String[] colourOrder(final String[] columns) {
        String prefix = null;
        int[] perChannel = new int[3];
        long[] keys = new long[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Matcher m = COLOUR_NAME.matcher(columns[i]);
            if (!m.matches() || (prefix != null && !prefix.equals(m.group(1))) || m.group(3).length() > 9) {
                return null;
            }
            prefix = m.group(1);
            int channel = "rgb".indexOf(m.group(2));
            perChannel[channel]++;
            keys[i] = (long)channel << 32 | Integer.parseInt(m.group(3));
        }
        if (perChannel[0] != perChannel[1] || perChannel[1] != perChannel[2]) {
            return null;
        }
        Integer[] order = new Integer[columns.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        String[] sorted = new String[columns.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = columns[order[i]];
        }
        return sorted;
    }

    /** Numeric columns named {@code px_<n>}: the default selection of the column filters. */
    public static InputFilter<DataColumnSpec> defaultSelection() {
        return new InputFilter<DataColumnSpec>() {
            @Override
            public boolean include(final DataColumnSpec spec) {
                return spec.getName().startsWith(PREFIX) && spec.getName().substring(PREFIX.length()).matches("\\d+")
                    && spec.getType().isCompatible(DoubleValue.class);
            }
        };
    }

    /** Column names of the spec that pass {@link #defaultSelection()}, in table order. */
    public static List<String> defaultColumns(final DataTableSpec spec) {
        List<String> r = new ArrayList<>();
        InputFilter<DataColumnSpec> f = defaultSelection();
        for (DataColumnSpec c : spec) {
            if (f.include(c)) {
                r.add(c.getName());
            }
        }
        return r;
    }

    /**
     * The image size stored in the first selected column's properties, {@code null} if absent or unparsable.
     */
    public static int[] sizeFromProperties(final DataTableSpec spec, final String[] columns) {
        if (columns.length == 0) {
            return null;
        }
        DataColumnSpec c = spec.getColumnSpec(columns[0]);
        if (c == null) {
            return null;
        }
        String h = c.getProperties().getProperty(PROP_HEIGHT);
        String w = c.getProperties().getProperty(PROP_WIDTH);
        if (h == null || w == null) {
            return null;
        }
        try {
            int height = Integer.parseInt(h.trim());
            int width = Integer.parseInt(w.trim());
            return height > 0 && width > 0 ? new int[]{height, width} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Column indices of the selected columns; checks that they exist and are numeric.
     *
     * @throws InvalidSettingsException naming the offending column
     */
    public static int[] indices(final DataTableSpec spec, final String[] columns) throws InvalidSettingsException {
        int[] idx = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int k = spec.findColumnIndex(columns[i]);
            if (k < 0) {
                throw new InvalidSettingsException("The selected pixel column \"" + columns[i]
                    + "\" is not in the input table; reconfigure the node.");
            }
            DataType type = spec.getColumnSpec(k).getType();
            if (!type.isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("The pixel column \"" + columns[i] + "\" is not numeric (type "
                    + type + "); select only number columns (px_0, px_1, …).");
            }
            idx[i] = k;
        }
        return idx;
    }

    /**
     * Checks that the selection has exactly the model's pixel count.
     *
     * @throws InvalidSettingsException e.g. "The model expects 784 pixel columns (28×28); 783 are selected."
     */
    public static void checkCount(final int selected, final int channels, final int height, final int width,
        final String who) throws InvalidSettingsException {
        if (channels == 1) {
            checkCount(selected, height, width, who);
        } else if (selected != channels * height * width) {
            throw new InvalidSettingsException(who + " expects " + channels * height * width + " pixel columns ("
                + channels + " channels of " + height + "×" + width + "); " + selected
                + (selected == 1 ? " is" : " are") + " selected.");
        }
    }

    /**
     * Checks that the selection has exactly the model's pixel count.
     *
     * @throws InvalidSettingsException e.g. "The model expects 784 pixel columns (28×28); 783 are selected."
     */
    public static void checkCount(final int selected, final int height, final int width, final String who)
        throws InvalidSettingsException {
        if (selected != height * width) {
            throw new InvalidSettingsException(who + " expects " + height * width + " pixel columns (" + height + "×"
                + width + "); " + selected + (selected == 1 ? " is" : " are") + " selected.");
        }
    }
}
