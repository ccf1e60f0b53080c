package org.knime.core.node.port.image;

import javax.swing.JComponent;

import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** Stand-in for KNIME's {@code ImagePortObjectSpec}: the cell type of the image (e.g. PNG). */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {

    private static final String CFG_TYPE = "data_type";

    private DataType m_type;

    /** Serializer of the spec. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ImagePortObjectSpec> {
    }

    /** For loading only. */
    public ImagePortObjectSpec() {
    }

    /** A spec for images of the given type, which must be compatible with {@link ImageValue}. */
    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Image type must not be null.");
        }
        if (!type.isCompatible(ImageValue.class)) {
            throw new IllegalArgumentException("Not an image type: " + type);
        }
        m_type = type;
    }

    public DataType getDataType() {
        return m_type;
    }

    @Override
    protected void save(final ModelContentWO model) {
        m_type.save(model.addConfig(CFG_TYPE));
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_type = DataType.load(model.getConfig(CFG_TYPE));
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
