package org.vaenodes.knimestub;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * How KNIME 5.5's node container handles a node's settings around its dialog (SingleNodeContainer and Node), for
 * tests. The container keeps the settings last loaded from a workflow or applied from the dialog; a node that has
 * neither (a fresh node) has none, and then the node model's own current settings stand in for them: they are what
 * the dialog opens with, what the dialog's OK is compared with, and what a save writes (observed in real KNIME:
 * see shared/knime-real/expected-behaviour.md). OK with settings unequal to those resets the node.
 */
public final class StubNodeContainer {

    /** The node's state as far as settings and execution go. */
    public enum State {
        /** Not configured (no input, or configure failed). */
        IDLE,
        /** Configured. */
        CONFIGURED,
        /** Executed. */
        EXECUTED
    }

    private final NodeFactory<? extends NodeModel> m_factory;

    private final NodeModel m_model;

    private NodeSettings m_stored;

    private PortObjectSpec[] m_inSpecs;

    private State m_state = State.IDLE;

    private String m_configureError;

    private PortObject[] m_outputs;

    private NodeDialogPane m_dialog;

    private StubNodeContainer(final NodeFactory<? extends NodeModel> factory) {
        m_factory = factory;
        m_model = factory.createNodeModel();
    }

    /** A node freshly created from its factory. */
    public static StubNodeContainer fresh(final NodeFactory<? extends NodeModel> factory) {
        return new StubNodeContainer(factory);
    }

    /** A node loaded from a workflow with these {@code model} settings (validated, then loaded, then kept). */
    public static StubNodeContainer loaded(final NodeFactory<? extends NodeModel> factory,
        final NodeSettingsRO modelSettings) throws InvalidSettingsException {
        StubNodeContainer c = new StubNodeContainer(factory);
        StubNodes.loadSettings(c.m_model, modelSettings);
        c.m_stored = copy(modelSettings);
        return c;
    }

    public NodeModel model() {
        return m_model;
    }

    public State state() {
        return m_state;
    }

    /** Why the last configure failed, {@code null} if it did not. */
    public String configureError() {
        return m_configureError;
    }

    /** Configures with the input specs (as when a node is connected or its inputs change). */
    public State configure(final PortObjectSpec... inSpecs) {
        m_inSpecs = StubNodes.withUnconnectedOptionals(m_model, inSpecs.clone());
        m_outputs = null;
        try {
            StubNodes.configure(m_model, inSpecs);
            m_configureError = null;
            m_state = State.CONFIGURED;
        } catch (InvalidSettingsException e) {
            m_configureError = e.getMessage();
            m_state = State.IDLE;
        }
        return m_state;
    }

    /** Executes a configured node. */
    public PortObject[] execute(final ExecutionContext exec, final PortObject... inputs) throws Exception {
        if (m_state != State.CONFIGURED) {
            throw new IllegalStateException("The node is " + m_state + ", not CONFIGURED"
                + (m_configureError == null ? "" : ": " + m_configureError));
        }
        m_outputs = StubNodes.execute(m_model, exec, inputs);
        m_state = State.EXECUTED;
        return m_outputs;
    }

    /** The settings KNIME keeps for the node: the stored ones, else the node model's current ones. */
    public NodeSettings settings() {
        return m_stored != null ? copy(m_stored) : StubNodes.saveSettings(m_model);
    }

    /** Opens the node's dialog with {@link #settings()} and the last input specs. */
    public NodeDialogPane openDialog() throws NotConfigurableException {
        m_dialog = StubNodes.createNodeDialogPane(m_factory);
        StubNodes.loadDialog(m_dialog, settings(), m_inSpecs);
        return m_dialog;
    }

    /** What the open dialog would apply on OK. */
    public NodeSettings dialogSettings() throws InvalidSettingsException {
        if (m_dialog == null) {
            throw new IllegalStateException("No dialog is open.");
        }
        return StubNodes.saveDialog(m_dialog);
    }

    /** KNIME's check before OK: does the dialog hold the node's settings (order of keys does not matter)? */
    public boolean areDialogAndNodeSettingsEqual() throws InvalidSettingsException {
        return dialogSettings().equals(settings());
    }

    /**
     * OK: unequal settings are validated, loaded and kept, and the node is reset and configured again; equal
     * settings change nothing, an executed node stays executed.
     */
    public void applySettingsFromDialog() throws InvalidSettingsException {
        NodeSettings fromDialog = dialogSettings();
        if (fromDialog.equals(settings())) {
            return;
        }
        StubNodes.loadSettings(m_model, fromDialog);
        m_stored = copy(fromDialog);
        if (m_state == State.EXECUTED) {
            StubNodes.reset(m_model);
        }
        if (m_inSpecs != null) {
            configure(m_inSpecs);
        } else {
            m_state = State.IDLE;
        }
    }

    private static NodeSettings copy(final NodeSettingsRO settings) {
        NodeSettings c = new NodeSettings("model");
        ((NodeSettings)settings).copyTo(c);
        return c;
    }
}
