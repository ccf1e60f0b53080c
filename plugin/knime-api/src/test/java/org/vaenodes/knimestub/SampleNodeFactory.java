package org.vaenodes.knimestub;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Factory of {@link SampleNodeModel}; its description is SampleNodeFactory.xml next to it. */
public class SampleNodeFactory extends NodeFactory<SampleNodeModel> {

    @Override
    public SampleNodeModel createNodeModel() {
        return new SampleNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SampleNodeModel> createNodeView(final int viewIndex, final SampleNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        DefaultNodeSettingsPane p = new DefaultNodeSettingsPane();
        p.createNewGroup("Scaling");
        p.addDialogComponent(new DialogComponentNumber(SampleNodeModel.createFactor(), "Factor", 0.5, 5));
        p.closeCurrentGroup();
        p.createNewTab("Columns");
        p.addDialogComponent(new DialogComponentColumnFilter2(SampleNodeModel.createColumns(), 0));
        return p;
    }
}
