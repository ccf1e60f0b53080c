package org.vaenodes.knime;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.knime.table.PixelColumns;
import org.vaenodes.knimestub.StubContexts;

/** Tables with a PNG image column, for the image input tests. */
public final class ImageTables {

    private ImageTables() {
    }

    /** 8-bit gray PNG bytes of a {@code h × w} image from its gray levels. */
    public static byte[] grayPng(final byte[] levels, final int offset, final int h, final int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, levels[offset + y * w + x] & 0xff);
            }
        }
        return png(img);
    }

    /** PNG bytes of an image. */
    public static byte[] png(final BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer for type " + img.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image enlarged {@code factor} times (each pixel a block), as gray PNG bytes. */
    public static byte[] enlargedGrayPng(final byte[] levels, final int offset, final int h, final int w,
        final int factor) {
        byte[] big = new byte[h * w * factor * factor];
        for (int y = 0; y < h * factor; y++) {
            for (int x = 0; x < w * factor; x++) {
                big[y * w * factor + x] = levels[offset + (y / factor) * w + x / factor];
            }
        }
        return grayPng(big, 0, h * factor, w * factor);
    }

    /**
     * {@code id}, {@code image} (gray PNG of each image) and, when {@code withPixels}, the pixel columns
     * {@code px_*} of the same images (values level / 255, as the MNIST Reader writes them).
     */
    public static BufferedDataTable table(final ExecutionContext exec, final IdxImages images, final int count,
        final boolean withPixels) {
        return table(exec, images, count, withPixels, 1);
    }

    /** As {@link #table(ExecutionContext, IdxImages, int, boolean)}, the PNGs enlarged {@code factor} times. */
    public static BufferedDataTable table(final ExecutionContext exec, final IdxImages images, final int count,
        final boolean withPixels, final int factor) {
        int h = images.height();
        int w = images.width();
        int pixels = h * w;
        byte[] levels = new byte[count * pixels];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < pixels; p++) {
                levels[i * pixels + p] = (byte)images.rawPixel(i, p);
            }
        }
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("id", IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("image", PNGImageCellFactory.TYPE).createSpec());
        if (withPixels) {
            cols.addAll(List.of(PixelColumns.specs(h, w)));
        }
        List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<DataCell> cells = new ArrayList<>();
            cells.add(new IntCell(i));
            cells.add(PNGImageCellFactory.create(factor == 1 ? grayPng(levels, i * pixels, h, w)
                : enlargedGrayPng(levels, i * pixels, h, w, factor)));
            if (withPixels) {
                for (int p = 0; p < pixels; p++) {
                    cells.add(new DoubleCell((levels[i * pixels + p] & 0xff) / 255.0));
                }
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)i), cells.toArray(new DataCell[0])));
        }
        return StubContexts.table(exec, new DataTableSpec(cols.toArray(new DataColumnSpec[0])), rows);
    }

    /** The same table with column {@code column} of row {@code row} replaced by {@code cell}. */
    public static BufferedDataTable withCell(final ExecutionContext exec, final BufferedDataTable in, final int row,
        final int column, final DataCell cell) {
        List<DataRow> rows = new ArrayList<>();
        int i = 0;
        for (DataRow r : StubContexts.rows(in)) {
            DataCell[] cells = new DataCell[r.getNumCells()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = i == row && c == column ? cell : r.getCell(c);
            }
            rows.add(new DefaultRow(r.getKey(), cells));
            i++;
        }
        return StubContexts.table(exec, in.getDataTableSpec(), rows);
    }

    /** A missing cell. */
    public static DataCell missing() {
        return DataType.getMissingCell();
    }
}
