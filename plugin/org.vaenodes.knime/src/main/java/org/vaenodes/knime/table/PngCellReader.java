package org.vaenodes.knime.table;

import java.util.Locale;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.image.png.PNGImageValue;
import org.vaenodes.engine.image.ImageResize;

/**
 * Reads the image of a PNG column ({@link PNGImageValue}) into the model's shape: decoded and converted to its
 * channels ({@link PngDecoding}), then resized to its height and width (the engine's {@link ImageResize}: area
 * averaging to shrink, bilinear interpolation to enlarge, as for the CLI's image folders) or, when resizing is
 * off, refused with the row key if the size differs. A missing cell skips the row, as a missing pixel does; a cell
 * that is not a readable PNG stops the node with a message naming the row.
 */
public final class PngCellReader implements ImageRows {

    private final int m_column;

    private final String m_name;

    private final int m_height;

    private final int m_width;

    private final int m_channels;

    private final boolean m_resize;

    private final String m_resizeOption;

    private long m_missingRows;

    private String m_firstMissing;

    private long m_resized;

    /**
     * @param column the PNG column's index
     * @param name its name, for messages
     * @param height the model's image height
     * @param width the model's image width
     * @param channels the model's channels (1 or 3)
     * @param resize whether images of another size are resized (else refused)
     * @param resizeOption the dialog option that turns resizing on, named in the refusal
     */
    public PngCellReader(final int column, final String name, final int height, final int width, final int channels,
        final boolean resize, final String resizeOption) {
        m_column = column;
        m_name = name;
        m_height = height;
        m_width = width;
        m_channels = channels;
        m_resize = resize;
        m_resizeOption = resizeOption;
    }

    @Override
    public int pixels() {
        return m_channels * m_height * m_width;
    }

    @Override
    public boolean read(final DataRow row, final float[] dst, final int offset) {
        if (row.getNumCells() <= m_column) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has " + row.getNumCells()
                + " cells but the image column is column " + (m_column + 1) + "; the input table is damaged (its rows"
                + " do not match its columns). Re-create it upstream.");
        }
        DataCell cell = row.getCell(m_column);
        if (cell.isMissing()) {
            m_missingRows++;
            if (m_firstMissing == null) {
                m_firstMissing = row.getKey().toString();
            }
            return false;
        }
        if (!(cell instanceof PNGImageValue)) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\", column \"" + m_name + "\": a "
                + cell.getType() + " cell in a PNG image column; the input table is damaged. Re-create it upstream.");
        }
        PngDecoding.Decoded image;
        try {
            image = PngDecoding.decode(((PNGImageValue)cell).getImageContent().getByteArrayReference(), m_channels);
        } catch (PngDecoding.DecodeException e) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\", column \"" + m_name + "\": "
                + e.getMessage() + "; fix or filter out the image upstream.", e);
        }
        if (image.height() == m_height && image.width() == m_width) {
            System.arraycopy(image.pixels(), 0, dst, offset, pixels());
            return true;
        }
        if (!m_resize) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Row \"%s\", column \"%s\": the image is "
                + "%d×%d but the model takes %d×%d images; tick \"%s\" or resize the images upstream.", row.getKey(),
                m_name, image.height(), image.width(), m_height, m_width, m_resizeOption));
        }
        float[] resized = ImageResize.resize(image.pixels(), m_channels, image.height(), image.width(), m_height,
            m_width);
        System.arraycopy(resized, 0, dst, offset, resized.length);
        m_resized++;
        return true;
    }

    /** Each image is decoded, which for large images takes long: check for cancel after every row. */
    @Override
    public int rowsPerCancelCheck() {
        return 1;
    }

    /** Images that had another size and were resized. */
    public long resizedImages() {
        return m_resized;
    }

    /** Rows skipped because their image cell is missing. */
    public long missingRows() {
        return m_missingRows;
    }

    @Override
    public String warning(final String skippedWhat) {
        if (m_missingRows == 0) {
            return null;
        }
        return m_missingRows + (m_missingRows == 1 ? " row has" : " rows have") + " a missing image; " + skippedWhat
            + " (first: \"" + m_firstMissing + "\").";
    }
}
