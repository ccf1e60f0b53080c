package org.vaenodes.knime.nodes;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.vaenodes.knime.table.ImageRows;

/**
 * Streams a table in batches: reads the pixels of up to {@link #rowsPerBatch} rows, lets a computation append
 * cells for the rows whose pixels could be read, and writes the rows out with the new cells (missing cells for
 * rows with missing, NaN or infinite pixels). Checks for cancel and reports progress once per batch.
 */
public final class BatchAppender {

    /** Pixel values a batch holds at most (64 MiB of floats): large images come in fewer rows per batch. */
    static final int MAX_BATCH_VALUES = 16 << 20;

    /** Computes the appended cells of {@code count} images (packed one after the other in {@code images}). */
    @FunctionalInterface
    public interface Computation {
        DataCell[][] apply(float[] images, int count) throws Exception;
    }

    private BatchAppender() {
    }

    /** Rows per batch for images of {@code pixels} values: {@link NodeSupport#BATCH}, fewer for large images. */
    public static int rowsPerBatch(final int pixels) {
        return (int)Math.max(1, Math.min(NodeSupport.BATCH, MAX_BATCH_VALUES / Math.max(1, pixels)));
    }

    /** The input spec with the given columns appended, names made unique against the input's. */
    public static DataTableSpec append(final DataTableSpec in, final DataColumnSpec... appended) {
        DataColumnSpec[] specs = new DataColumnSpec[appended.length];
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < appended.length; i++) {
            String name = appended[i].getName();
            String unique = name;
            int k = 1;
            while (in.containsName(unique) || taken.contains(unique)) {
                unique = name + " (#" + k++ + ")";
            }
            taken.add(unique);
            if (unique.equals(name)) {
                specs[i] = appended[i];
            } else {
                org.knime.core.data.DataColumnSpecCreator c =
                    new org.knime.core.data.DataColumnSpecCreator(appended[i]);
                c.setName(unique);
                specs[i] = c.createSpec();
            }
        }
        return new DataTableSpec(in, new DataTableSpec(specs));
    }

    /**
     * Runs the computation over the whole table.
     *
     * @param outSpec the input spec plus the appended columns
     */
    public static BufferedDataTable run(final BufferedDataTable in, final DataTableSpec outSpec,
        final ImageRows reader, final Computation computation, final ExecutionContext exec,
        final ExecutionMonitor progress) throws Exception {
        int inCols = in.getDataTableSpec().getNumColumns();
        int appended = outSpec.getNumColumns() - inCols;
        int pixels = reader.pixels();
        BufferedDataContainer out = exec.createDataContainer(outSpec);
        long total = in.size();
        long done = 0;
        int batch = rowsPerBatch(pixels);
        DataRow[] rows = new DataRow[batch];
        boolean[] valid = new boolean[batch];
        float[] images = new float[Math.multiplyExact(batch, pixels)];
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                progress.checkCanceled();
                final long d = done;
                progress.setProgress(NodeSupport.fraction(done, total), () -> "Row " + d + " / " + total);
                int n = 0;
                int validCount = 0;
                while (n < batch && it.hasNext()) {
                    if (n > 0 && n % reader.rowsPerCancelCheck() == 0) {
                        progress.checkCanceled();
                    }
                    rows[n] = it.next();
                    valid[n] = reader.read(rows[n], images, validCount * pixels);
                    if (valid[n]) {
                        validCount++;
                    }
                    n++;
                }
                DataCell[][] cells = validCount == 0 ? new DataCell[0][] : computation.apply(images, validCount);
                if (cells.length != validCount) {
                    throw new IllegalStateException("computed " + cells.length + " rows for " + validCount + " images");
                }
                int v = 0;
                for (int r = 0; r < n; r++) {
                    DataCell[] all = new DataCell[inCols + appended];
                    for (int c = 0; c < inCols; c++) {
                        all[c] = rows[r].getCell(c);
                    }
                    if (valid[r]) {
                        System.arraycopy(cells[v++], 0, all, inCols, appended);
                    } else {
                        for (int c = inCols; c < all.length; c++) {
                            all[c] = DataType.getMissingCell();
                        }
                    }
                    out.addRowToTable(new DefaultRow(rows[r].getKey(), all));
                    rows[r] = null;
                }
                done += n;
            }
        }
        progress.checkCanceled();
        out.close();
        return out.getTable();
    }
}
