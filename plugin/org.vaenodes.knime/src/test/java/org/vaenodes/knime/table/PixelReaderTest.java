package org.vaenodes.knime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;

class PixelReaderTest {

    private static DataRow row(final String key, final DataCell... cells) {
        return new DefaultRow(new RowKey(key), cells);
    }

    private static DataRow pixels(final String key, final double... v) {
        DataCell[] cells = new DataCell[v.length + 1];
        cells[0] = new StringCell("label");
        for (int i = 0; i < v.length; i++) {
            cells[i + 1] = new DoubleCell(v[i]);
        }
        return row(key, cells);
    }

    private static PixelReader reader() {
        return new PixelReader(new int[]{1, 2, 3}, new String[]{"px_0", "px_1", "px_2"}, 1.0);
    }

    @Test
    void nanAndInfiniteRowsAreSkippedCountedAndTheFirstNamed() {
        PixelReader r = reader();
        float[] dst = new float[3];
        assertThat(r.read(pixels("a", 0.1, 0.2, 0.3), dst, 0)).isTrue();
        assertThat(dst).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(r.read(pixels("b", 0.1, Double.NaN, 0.3), dst, 0)).isFalse();
        assertThat(r.read(pixels("c", Double.POSITIVE_INFINITY, 0, 0), dst, 0)).isFalse();
        assertThat(r.read(pixels("d", 0, 0, Double.NEGATIVE_INFINITY), dst, 0)).isFalse();
        assertThat(r.read(row("e", new StringCell("x"), DataType.getMissingCell(), new DoubleCell(0),
            new DoubleCell(0)), dst, 0)).isFalse();
        assertThat(r.read(pixels("f", 255, 0.5, -1), dst, 0)).isTrue();
        assertThat(r.nonFiniteRows()).isEqualTo(3);
        assertThat(r.missingRows()).isEqualTo(1);
        assertThat(r.outOfRangeValues()).isEqualTo(2);
        assertThat(r.warning("they were skipped")).isEqualTo("1 row has missing pixel values; they were skipped "
            + "(first: \"e\"). 3 rows have NaN or infinite pixel values; they were skipped (first: \"b\"). 2 pixel "
            + "values are outside [0, 1]; the VAE expects pixels scaled to [0, 1] (e.g. divide 0–255 values by 255).");
        assertThat(reader().warning("x")).isNull();
    }

    @Test
    void rowsThatDoNotMatchTheColumnsNameRowAndColumn() {
        PixelReader r = reader();
        float[] dst = new float[3];
        assertThatThrownBy(() -> r.read(pixels("short", 0.5), dst, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Row \"short\" has 2 cells but the pixel columns go up to column 4; the input table is damaged "
                + "(its rows do not match its columns). Re-create it upstream.");
        assertThatThrownBy(() -> r.read(row("text", new StringCell("x"), new DoubleCell(0), new StringCell("0.5"),
            new DoubleCell(0)), dst, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("Row \"text\", column \"px_1\": \"0.5\" is not a number");
    }

    @Test
    void appendedPixelColumnsAreBoundedNamingTheOption() throws Exception {
        PixelColumns.checkAppendable(256, 256, "Append");
        assertThatThrownBy(() -> PixelColumns.checkAppendable(512, 512, "Append pixel columns (px_*)"))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Images of 512×512 would append 262,144 pixel columns, more than the 65,536 a table gets; "
                + "untick \"Append pixel columns (px_*)\" (the image column holds them).");
    }

    @Test
    void largeImagesComeInSmallChunks() {
        // 1,024 seed images per 3 MiB chunk; one 4096×4096 image per 64 MiB chunk, not 1,024 (an int overflow)
        assertThat(FloatImages.heapBytes(60_000, 28, 28)).isEqualTo(59L * 1024 * 784 * 4);
        assertThat(FloatImages.heapBytes(3, 4096, 4096)).isEqualTo(3L * 4096 * 4096 * 4);
        assertThat(FloatImages.heapBytes(5, 1024, 1024)).isEqualTo(16L * 1024 * 1024 * 4);
        FloatImages images = new FloatImages(2, 2);
        for (int i = 0; i < 1500; i++) {
            float[] chunk = images.nextChunk();
            java.util.Arrays.fill(chunk, images.nextOffset(), images.nextOffset() + 4, i);
            images.commit();
        }
        float[] one = new float[4];
        images.copyImage(1400, one, 0);
        assertThat(one).containsOnly(1400f);
    }
}
