package org.vaenodes.knime.nodes.reconstructor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the VAE Reconstructor node. */
public final class VaeReconstructorNodeFactory extends NodeFactory<VaeReconstructorNodeModel> {

    @Override
    public VaeReconstructorNodeModel createNodeModel() {
        return new VaeReconstructorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VaeReconstructorNodeModel> createNodeView(final int viewIndex, final VaeReconstructorNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The VAE Reconstructor has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VaeReconstructorNodeDialog();
    }
}
