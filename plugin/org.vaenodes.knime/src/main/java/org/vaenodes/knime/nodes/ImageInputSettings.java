package org.vaenodes.knime.nodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vaenodes.knime.table.ColumnSelection;
import org.vaenodes.knime.table.ImageRows;
import org.vaenodes.knime.table.PixelColumns;
import org.vaenodes.knime.table.PixelReader;
import org.vaenodes.knime.table.PngCellReader;

/**
 * Where the Learner, Encoder and Reconstructor read images from: the pixel columns (the node's column filter) or
 * one PNG image column, and whether images of another size than the model's are resized. Settings of earlier
 * versions lack these keys and keep the defaults (automatic choice: their tables have pixel columns).
 */
public final class ImageInputSettings {

    /** Dialog label of the resize option, named in refusals. */
    public static final String RESIZE_OPTION = "Resize images to the model's size";

    final SettingsModelString m_source = new SettingsModelString("image_input", ImageSource.AUTO.key());

    final SettingsModelString m_imageColumn = new SettingsModelString("image_column", "");

    final SettingsModelBoolean m_resize;

    /** The channels a model trained on a PNG column gets ({@link ImageChannels}); the Learner's only. */
    final SettingsModelString m_channels = new SettingsModelString("image_channels", ImageChannels.AUTO.key());

    private final boolean m_withChannels;

    /** @param resizeByDefault whether a new node resizes images of another size */
    public ImageInputSettings(final boolean resizeByDefault) {
        this(resizeByDefault, false);
    }

    /**
     * @param resizeByDefault whether a new node resizes images of another size
     * @param withChannels whether the node chooses the channels of the images (the Learner)
     */
    public ImageInputSettings(final boolean resizeByDefault, final boolean withChannels) {
        m_resize = new SettingsModelBoolean("resize_images", resizeByDefault);
        m_withChannels = withChannels;
    }

    /** The models, by the keys they save under: all added after the first version ({@link SettingsGroup#addedLater()}). */
    public Map<String, SettingsModel> addedLater() {
        Map<String, SettingsModel> m = new LinkedHashMap<>();
        m.put("image_input", m_source);
        m.put("image_column", m_imageColumn);
        m.put("resize_images", m_resize);
        if (m_withChannels) {
            m.put("image_channels", m_channels);
        }
        return m;
    }

    /** The models, in the order they are saved; part of the node's {@link SettingsGroup#all()}. */
    public List<SettingsModel> models() {
        return List.copyOf(addedLater().values());
    }

    /** The channels chosen for a PNG column. */
    public ImageChannels channels() throws InvalidSettingsException {
        return ImageChannels.parse(m_channels.getStringValue());
    }

    /** Adds the options to a dialog, in the order the settings are saved. */
    public void addTo(final DefaultNodeSettingsPane dialog, final boolean withResize) {
        dialog.createNewGroup("Image input");
        dialog.addDialogComponent(new DialogComponentButtonGroup(m_source, "Images from", true,
            SavedChoice.labels(ImageSource.class), SavedChoice.keys(ImageSource.class)));
        dialog.addDialogComponent(new DialogComponentString(m_imageColumn, "PNG image column (empty: the first one)",
            false, 20));
        if (withResize) {
            dialog.addDialogComponent(new DialogComponentBoolean(m_resize, RESIZE_OPTION));
        }
        if (m_withChannels) {
            dialog.addDialogComponent(new DialogComponentButtonGroup(m_channels, "Channels (PNG column)", false,
                SavedChoice.labels(ImageChannels.class), SavedChoice.keys(ImageChannels.class)));
        }
        dialog.closeCurrentGroup();
    }

    /** Checks the saved source. */
    public void check() throws InvalidSettingsException {
        ImageSource.parse(m_source.getStringValue());
        ImageChannels.parse(m_channels.getStringValue());
    }

    /** Whether images of another size are resized. */
    public boolean resize() {
        return m_resize.getBooleanValue();
    }

    /**
     * The input's image column or pixel columns.
     *
     * @throws InvalidSettingsException when the chosen source is not in the table, naming what to choose
     */
    public Input resolve(final DataTableSpec spec, final SettingsModelColumnFilter2 pixelColumns)
        throws InvalidSettingsException {
        // whatever the source, the filter is saved as KNIME's dialog would save it (an untouched OK changes nothing)
        ColumnSelection.settle(pixelColumns, spec);
        ImageSource source = ImageSource.parse(m_source.getStringValue());
        if (source == ImageSource.AUTO) {
            source = firstPngColumn(spec) >= 0 && !hasPixelColumn(spec) ? ImageSource.IMAGE_COLUMN
                : ImageSource.PIXEL_COLUMNS;
        }
        if (source == ImageSource.PIXEL_COLUMNS) {
            String[] cols = ColumnSelection.selected(pixelColumns, spec);
            return new Input(-1, null, cols, PixelColumns.indices(spec, cols));
        }
        String name = m_imageColumn.getStringValue() == null ? "" : m_imageColumn.getStringValue().trim();
        int index;
        if (name.isEmpty()) {
            index = firstPngColumn(spec);
            if (index < 0) {
                throw new InvalidSettingsException("The input has no PNG image column; connect a table with one "
                    + "(e.g. from Read Images) or choose \"Pixel columns\" under \"Images from\".");
            }
        } else {
            index = spec.findColumnIndex(name);
            if (index < 0) {
                throw new InvalidSettingsException("The image column \"" + name + "\" is not in the input table; "
                    + "enter another one under \"PNG image column\" (empty: the first PNG column).");
            }
            if (!spec.getColumnSpec(index).getType().isCompatible(PNGImageValue.class)) {
                throw new InvalidSettingsException("The column \"" + name + "\" is not a PNG image column (type "
                    + spec.getColumnSpec(index).getType() + "); enter a PNG image column (convert other images "
                    + "to PNG upstream).");
            }
        }
        return new Input(index, spec.getColumnSpec(index).getName(), null, null);
    }

    private static int firstPngColumn(final DataTableSpec spec) {
        for (int i = 0; i < spec.getNumColumns(); i++) {
            if (spec.getColumnSpec(i).getType().isCompatible(PNGImageValue.class)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasPixelColumn(final DataTableSpec spec) {
        for (DataColumnSpec c : spec) {
            if (c.getName().startsWith(PixelColumns.PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The resolved input: an image column ({@code imageColumn ≥ 0}) or pixel columns. */
    public record Input(int imageColumn, String imageColumnName, String[] pixelColumns, int[] pixelIndices) {

        /** Whether the images come from a PNG column. */
        public boolean isImageColumn() {
            return imageColumn >= 0;
        }

        /**
         * A reader of images of the model's shape.
         *
         * @throws InvalidSettingsException when the pixel columns do not hold that many values
         */
        public ImageRows reader(final DataTableSpec spec, final int channels, final int height, final int width,
            final boolean resize) throws InvalidSettingsException {
            if (isImageColumn()) {
                return new PngCellReader(imageColumn, imageColumnName, height, width, channels, resize,
                    RESIZE_OPTION);
            }
            PixelColumns.checkCount(pixelColumns.length, channels, height, width, "The model");
            return PixelReader.of(spec, channels == 1 ? pixelIndices
                : PixelColumns.indices(spec, PixelColumns.channelMajor(pixelColumns)));
        }
    }
}
