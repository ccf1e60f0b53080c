package org.vaenodes.knime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.vaenodes.engine.idx.IdxImages;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.engine.train.TrainingListener;
import org.vaenodes.engine.train.VaeTrainer;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.table.PixelColumns;
import org.vaenodes.testing.TinyData;
import org.vaenodes.knimestub.StubContexts;

/** Tables and models for the node tests. */
public final class KnimeFixtures {

    private static VaeModelPortObject tinyModel;

    private KnimeFixtures() {
    }

    /** An {@code id} int column followed by h·w pixel columns (with size properties). */
    public static DataTableSpec pixelSpec(final int h, final int w) {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("id", IntCell.TYPE).createSpec());
        cols.addAll(List.of(PixelColumns.specs(h, w)));
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    /** Rows of the images in [0,1]. */
    public static BufferedDataTable table(final ExecutionContext exec, final IdxImages images, final int count) {
        DataTableSpec spec = pixelSpec(images.height(), images.width());
        List<DataRow> rows = new ArrayList<>();
        int pixels = images.height() * images.width();
        for (int i = 0; i < count; i++) {
            DataCell[] cells = new DataCell[pixels + 1];
            cells[0] = new IntCell(i);
            for (int p = 0; p < pixels; p++) {
                cells[p + 1] = new DoubleCell(images.rawPixel(i, p) / 255.0);
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)i), cells));
        }
        return StubContexts.table(exec, spec, rows);
    }

    /** {@code n} 8×8 square images. */
    public static BufferedDataTable squares(final ExecutionContext exec, final int n) {
        return table(exec, TinyData.squares(n, 8, 8, 7), n);
    }

    /** The same table with the pixel cells of the given rows replaced by missing cells. */
    public static BufferedDataTable withMissing(final ExecutionContext exec, final BufferedDataTable in,
        final int... missingRows) {
        List<DataRow> rows = new ArrayList<>();
        int i = 0;
        for (DataRow r : StubContexts.rows(in)) {
            DataCell[] cells = new DataCell[r.getNumCells()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = r.getCell(c);
            }
            for (int m : missingRows) {
                if (m == i) {
                    cells[3] = DataType.getMissingCell();
                }
            }
            rows.add(new DefaultRow(r.getKey(), cells));
            i++;
        }
        return StubContexts.table(exec, in.getDataTableSpec(), rows);
    }

    /** A spec whose px_1 column holds strings. */
    public static DataTableSpec withStringPixel(final DataTableSpec in) {
        DataColumnSpec[] cols = new DataColumnSpec[in.getNumColumns()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = in.getColumnSpec(i);
            if (cols[i].getName().equals("px_1")) {
                DataColumnSpecCreator c = new DataColumnSpecCreator(cols[i]);
                c.setType(StringCell.TYPE);
                cols[i] = c.createSpec();
            }
        }
        return new DataTableSpec(cols);
    }

    /** A tiny model (8×8, latent 2) trained for 5 iterations on squares; shared by the tests. */
    public static synchronized VaeModelPortObject tinyModel() throws IOException {
        if (tinyModel == null) {
            try (VaeModel m = new VaeTrainer(TinyData.tinyConfig().build())
                .train(TinyData.squares(64, 8, 8, 3), TrainingListener.NONE, () -> false).model()) {
                tinyModel = new VaeModelPortObject(m);
            } catch (org.vaenodes.engine.train.TrainingCanceledException e) {
                throw new IllegalStateException(e);
            }
        }
        return tinyModel;
    }
}
