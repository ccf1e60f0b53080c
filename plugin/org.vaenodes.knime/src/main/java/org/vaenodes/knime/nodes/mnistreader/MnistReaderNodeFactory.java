package org.vaenodes.knime.nodes.mnistreader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the MNIST Reader node. */
public final class MnistReaderNodeFactory extends NodeFactory<MnistReaderNodeModel> {

    @Override
    public MnistReaderNodeModel createNodeModel() {
        return new MnistReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<MnistReaderNodeModel> createNodeView(final int viewIndex, final MnistReaderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The MNIST Reader has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MnistReaderNodeDialog();
    }
}
