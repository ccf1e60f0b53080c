package org.vaenodes.knimestub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.AbstractNodeView;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Calls the protected methods of node models, factories and dialogs the way KNIME's framework does, so tests can
 * run a node without KNIME:
 *
 * <pre>
 * MyNodeModel m = new MyNodeFactory().createNodeModel();
 * StubNodes.loadSettings(m, settings);                    // validateSettings + loadValidatedSettingsFrom
 * PortObjectSpec[] outSpecs = StubNodes.configure(m, in.getDataTableSpec());
 * PortObject[] out = StubNodes.execute(m, exec, in);      // checks count and types of the outputs
 * PortObject[] out2 = StubNodes.run(m, exec, in);         // configure + execute + spec consistency check
 * </pre>
 *
 * Exceptions thrown by the called method are rethrown unchanged.
 */
public final class StubNodes {

    private StubNodes() {
    }

    private static Object call(final Object target, final Class<?> declaring, final String name,
        final Class<?>[] types, final Object... args) throws Exception {
        Method m;
        try {
            m = declaring.getDeclaredMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The KNIME API stand-in has no " + declaring.getSimpleName() + "." + name,
                e);
        }
        m.setAccessible(true);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof Exception) {
                throw (Exception)t;
            }
            if (t instanceof Error) {
                throw (Error)t;
            }
            throw e;
        }
    }

    private static <E extends Exception> RuntimeException rethrow(final Exception e, final Class<E> allowed)
        throws E {
        if (allowed.isInstance(e)) {
            throw allowed.cast(e);
        }
        if (e instanceof RuntimeException) {
            throw (RuntimeException)e;
        }
        throw new IllegalStateException(e);
    }

    // ------------------------------------------------------------------ model settings

    /** The model's settings, as KNIME saves them (a {@code NodeSettings("model")}). */
    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        saveSettingsTo(model, s);
        return s;
    }

    public static void saveSettingsTo(final NodeModel model, final NodeSettingsWO settings) {
        try {
            call(model, NodeModel.class, "saveSettingsTo", new Class<?>[]{NodeSettingsWO.class}, settings);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    public static void validateSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        try {
            call(model, NodeModel.class, "validateSettings", new Class<?>[]{NodeSettingsRO.class}, settings);
        } catch (Exception e) {
            throw rethrow(e, InvalidSettingsException.class);
        }
    }

    /** What KNIME does when settings are applied: {@code validateSettings}, then {@code loadValidatedSettingsFrom}. */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        validateSettings(model, settings);
        try {
            call(model, NodeModel.class, "loadValidatedSettingsFrom", new Class<?>[]{NodeSettingsRO.class},
                settings);
        } catch (Exception e) {
            throw rethrow(e, InvalidSettingsException.class);
        }
    }

    /** Writes the settings as KNIME settings XML and reads them back (tests XML-safe settings). */
    public static NodeSettingsRO xmlRoundTrip(final NodeSettings settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        settings.saveToXML(bytes);
        return NodeSettings.loadFromXML(new ByteArrayInputStream(bytes.toByteArray()));
    }

    // ------------------------------------------------------------------ configure, execute

    /** Calls {@code configure(PortObjectSpec[])} and checks the number of output specs. */
    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... given)
        throws InvalidSettingsException {
        PortObjectSpec[] inSpecs = withUnconnectedOptionals(model, given);
        checkInputs(model, inSpecs.length);
        PortObjectSpec[] out;
        try {
            out = (PortObjectSpec[])call(model, NodeModel.class, "configure", new Class<?>[]{PortObjectSpec[].class},
                (Object)inSpecs);
        } catch (Exception e) {
            throw rethrow(e, InvalidSettingsException.class);
        }
        int n = nrOutPorts(model);
        if (out == null || out.length != n) {
            throw new IllegalStateException(model.getClass().getSimpleName() + ".configure returned "
                + (out == null ? "null" : out.length + " specs") + "; the node has " + n + " output ports.");
        }
        for (int i = 0; i < n; i++) {
            PortType t = outPortType(model, i);
            if (out[i] != null && !t.acceptsPortObjectSpec(out[i])) {
                throw new IllegalStateException("Output spec " + i + " (" + out[i].getClass().getName()
                    + ") does not fit output port type " + t);
            }
        }
        return out;
    }

    /** Calls {@code execute(PortObject[], ExecutionContext)} and checks number and types of the outputs. */
    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec,
        final PortObject... given) throws Exception {
        PortObject[] inObjects = withUnconnectedOptionals(model, given);
        checkInputs(model, inObjects.length);
        PortObject[] out = (PortObject[])call(model, NodeModel.class, "execute",
            new Class<?>[]{PortObject[].class, ExecutionContext.class}, inObjects, exec);
        int n = nrOutPorts(model);
        if (out == null || out.length != n) {
            throw new IllegalStateException(model.getClass().getSimpleName() + ".execute returned "
                + (out == null ? "null" : out.length + " objects") + "; the node has " + n + " output ports.");
        }
        for (int i = 0; i < n; i++) {
            PortType t = outPortType(model, i);
            if (out[i] == null) {
                throw new IllegalStateException("Output " + i + " of " + model.getClass().getSimpleName()
                    + " is null.");
            }
            if (!t.acceptsPortObject(out[i])) {
                throw new IllegalStateException("Output " + i + " (" + out[i].getClass().getName()
                    + ") does not fit output port type " + t);
            }
        }
        return out;
    }

    /**
     * Configures with the inputs' specs, executes, and checks that every output table has the structure
     * (column names and types) its configured spec announced.
     */
    public static PortObject[] run(final NodeModel model, final ExecutionContext exec,
        final PortObject... given) throws Exception {
        PortObject[] inObjects = withUnconnectedOptionals(model, given);
        PortObjectSpec[] inSpecs = new PortObjectSpec[inObjects.length];
        for (int i = 0; i < inSpecs.length; i++) {
            inSpecs[i] = inObjects[i] == null ? null : inObjects[i].getSpec();
        }
        PortObjectSpec[] configured = configure(model, inSpecs);
        PortObject[] out = execute(model, exec, inObjects);
        for (int i = 0; i < out.length; i++) {
            if (configured[i] instanceof DataTableSpec && out[i] instanceof BufferedDataTable
                && !((DataTableSpec)configured[i]).equalStructure(((BufferedDataTable)out[i]).getDataTableSpec())) {
                throw new IllegalStateException("Output table " + i + " has spec "
                    + ((BufferedDataTable)out[i]).getDataTableSpec() + " but configure announced " + configured[i]);
            }
        }
        return out;
    }

    public static void reset(final NodeModel model) {
        try {
            call(model, NodeModel.class, "reset", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    /** What KNIME does when it saves an executed node (the folder is created if needed). */
    public static void saveInternals(final NodeModel model, final java.io.File dir) throws IOException {
        dir.mkdirs();
        try {
            call(model, NodeModel.class, "saveInternals", new Class<?>[]{java.io.File.class, ExecutionMonitor.class},
                dir, new ExecutionMonitor());
        } catch (Exception e) {
            throw rethrow(e, IOException.class);
        }
    }

    /** What KNIME does when it loads an executed node. */
    public static void loadInternals(final NodeModel model, final java.io.File dir) throws IOException {
        try {
            call(model, NodeModel.class, "loadInternals", new Class<?>[]{java.io.File.class, ExecutionMonitor.class},
                dir, new ExecutionMonitor());
        } catch (Exception e) {
            throw rethrow(e, IOException.class);
        }
    }

    /** The warning the model set during configure/execute, {@code null} if none. */
    public static String warningMessage(final NodeModel model) {
        try {
            return (String)call(model, NodeModel.class, "getWarningMessage", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    public static int nrInPorts(final NodeModel model) {
        try {
            return (Integer)call(model, NodeModel.class, "getNrInPorts", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    public static int nrOutPorts(final NodeModel model) {
        try {
            return (Integer)call(model, NodeModel.class, "getNrOutPorts", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    public static PortType outPortType(final NodeModel model, final int index) {
        try {
            return (PortType)call(model, NodeModel.class, "getOutPortType", new Class<?>[]{int.class}, index);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    private static void checkInputs(final NodeModel model, final int given) {
        int n = nrInPorts(model);
        if (given != n) {
            throw new IllegalArgumentException(model.getClass().getSimpleName() + " has " + n + " input ports, "
                + given + " inputs given.");
        }
    }

    /**
     * The inputs with {@code null} for trailing optional ports that were not given, as KNIME passes an unconnected
     * optional port (so tests of a node that gained an optional port need not change).
     */
    @SuppressWarnings("unchecked")
    static <T> T[] withUnconnectedOptionals(final NodeModel model, final T[] given) {
        int n = nrInPorts(model);
        if (given.length >= n) {
            return given;
        }
        for (int i = given.length; i < n; i++) {
            if (!inPortType(model, i).isOptional()) {
                return given;
            }
        }
        return java.util.Arrays.copyOf(given, n);
    }

    public static PortType inPortType(final NodeModel model, final int index) {
        try {
            return (PortType)call(model, NodeModel.class, "getInPortType", new Class<?>[]{int.class}, index);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    // ------------------------------------------------------------------ factory, dialog

    public static boolean hasDialog(final NodeFactory<?> factory) {
        try {
            return (Boolean)call(factory, NodeFactory.class, "hasDialog", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    public static NodeDialogPane createNodeDialogPane(final NodeFactory<?> factory) {
        try {
            return (NodeDialogPane)call(factory, NodeFactory.class, "createNodeDialogPane", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    /** The factory's number of classic views. */
    public static int nrNodeViews(final NodeFactory<?> factory) {
        try {
            return (Integer)call(factory, NodeFactory.class, "getNrNodeViews", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    /** What KNIME does when a view is opened from the node's menu (without a window here). */
    public static void openView(final NodeView<?> view) {
        try {
            call(view, NodeView.class, "callOpenView", new Class<?>[]{String.class}, "view");
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    /** What KNIME does when the node's state changes while a view is open. */
    public static void modelChanged(final NodeView<?> view) {
        try {
            call(view, AbstractNodeView.class, "modelChanged", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    /** The component the view set. */
    public static java.awt.Component viewComponent(final NodeView<?> view) {
        try {
            return (java.awt.Component)call(view, NodeView.class, "getComponent", new Class<?>[0]);
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
    }

    /** What KNIME does when the dialog opens. */
    public static void loadDialog(final NodeDialogPane dialog, final NodeSettingsRO settings,
        final PortObjectSpec... specs) throws NotConfigurableException {
        try {
            call(dialog, NodeDialogPane.class, "loadSettingsFrom",
                new Class<?>[]{NodeSettingsRO.class, PortObjectSpec[].class}, settings, specs);
        } catch (Exception e) {
            throw rethrow(e, NotConfigurableException.class);
        }
    }

    /** What KNIME does on OK/Apply: the dialog's settings as a {@code NodeSettings("model")}. */
    public static NodeSettings saveDialog(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        dialog.finishEditingAndSaveSettingsTo(s);
        return s;
    }

    /** The border titles of the dialog's file choosers, in the order they were added. */
    @SuppressWarnings("unchecked")
    public static List<String> fileChooserTitles(final NodeDialogPane dialog) {
        List<String> titles = new ArrayList<>();
        try {
            Map<String, List<DialogComponent>> layout = (Map<String, List<DialogComponent>>)call(dialog,
                DefaultNodeSettingsPane.class, "layout", new Class<?>[0]);
            for (List<DialogComponent> tab : layout.values()) {
                for (DialogComponent c : tab) {
                    if (c instanceof DialogComponentFileChooser) {
                        titles.add((String)call(c, DialogComponentFileChooser.class, "borderTitle",
                            new Class<?>[0]));
                    }
                }
            }
        } catch (Exception e) {
            throw rethrow(e, RuntimeException.class);
        }
        return titles;
    }
}
