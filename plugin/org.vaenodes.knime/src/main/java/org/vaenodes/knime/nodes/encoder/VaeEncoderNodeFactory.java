package org.vaenodes.knime.nodes.encoder;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the VAE Encoder node. */
public final class VaeEncoderNodeFactory extends NodeFactory<VaeEncoderNodeModel> {

    @Override
    public VaeEncoderNodeModel createNodeModel() {
        return new VaeEncoderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VaeEncoderNodeModel> createNodeView(final int viewIndex, final VaeEncoderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The VAE Encoder has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VaeEncoderNodeDialog();
    }
}
