package org.knime.core.data.image.png;

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
}
