package org.vaenodes.knime.nodes.sampler;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the VAE Sampler node. */
public final class VaeSamplerNodeFactory extends NodeFactory<VaeSamplerNodeModel> {

    @Override
    public VaeSamplerNodeModel createNodeModel() {
        return new VaeSamplerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VaeSamplerNodeModel> createNodeView(final int viewIndex, final VaeSamplerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The VAE Sampler has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VaeSamplerNodeDialog();
    }
}
