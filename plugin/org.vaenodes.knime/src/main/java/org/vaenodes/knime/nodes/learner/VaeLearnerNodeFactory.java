package org.vaenodes.knime.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the VAE Learner node. */
public final class VaeLearnerNodeFactory extends NodeFactory<VaeLearnerNodeModel> {

    @Override
    public VaeLearnerNodeModel createNodeModel() {
        return new VaeLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VaeLearnerNodeModel> createNodeView(final int viewIndex, final VaeLearnerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The VAE Learner has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VaeLearnerNodeDialog();
    }
}
