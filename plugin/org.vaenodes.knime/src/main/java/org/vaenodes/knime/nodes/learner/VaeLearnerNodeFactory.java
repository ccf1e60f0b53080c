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
        return 1;
    }

    /** The training monitor (classic view; KNIME 5.5 to 5.11 open it from the node's context menu). */
    @Override
    public NodeView<VaeLearnerNodeModel> createNodeView(final int viewIndex, final VaeLearnerNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The VAE Learner has one view (index 0), not " + viewIndex + ".");
        }
        return new VaeLearnerNodeView(nodeModel);
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
