package org.knime.core.data.image.png;

import java.util.Arrays;

import org.knime.core.data.image.ImageValue;

/** Stand-in for KNIME's {@code PNGImageValue}: cells holding a PNG image. */
public interface PNGImageValue extends ImageValue {

    @Override
    PNGImageContent getImageContent();

    /** Whether both values hold the same PNG bytes. */
    static boolean equalContent(final PNGImageValue v1, final PNGImageValue v2) {
        return Arrays.equals(v1.getImageContent().getByteArrayReference(),
            v2.getImageContent().getByteArrayReference());
    }
}
