package org.knime.core.data.image.png;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory;
import org.knime.core.data.DataType;

/** Stand-in for KNIME's {@code PNGImageCellFactory}: the public way to create PNG image cells. */
public class PNGImageCellFactory implements DataCellFactory.FromInputStream {

    /** The column type of PNG image cells. */
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    public PNGImageCellFactory() {
    }

    /** A PNG image cell holding the given bytes (not copied). */
    public static DataCell create(final byte[] pngBytes) {
        return new PNGImageContent(pngBytes).toImageCell();
    }

    /** A PNG image cell holding the bytes read from the stream (the stream is not closed). */
    public static DataCell create(final InputStream in) throws IOException {
        return new PNGImageContent(in).toImageCell();
    }

    @Override
    public DataCell createCell(final InputStream input) throws IOException {
        return create(input);
    }

    @Override
    public DataType getDataType() {
        return TYPE;
    }
}
