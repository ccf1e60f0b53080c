package org.vaenodes.knime.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * A node's settings models as one group: saved, validated and loaded together. Validation first lets each
 * model check its own value, then loads everything into a fresh group and checks the combination, so settings
 * that do not fit together are refused before the node takes them.
 */
public abstract class SettingsGroup {

    /** Every settings model of the node, in a fixed order. */
    protected abstract List<SettingsModel> all();

    /** A group with default values, to try settings on before they are accepted. */
    protected abstract SettingsGroup fresh();

    /** Checks what the settings models cannot check one by one. */
    protected abstract void check() throws InvalidSettingsException;

    /**
     * Models added in a later version, by settings key: settings saved before lack them, and then they keep their
     * defaults (so old workflows load and behave as before). They are part of {@link #all()} too.
     */
    protected Map<String, SettingsModel> addedLater() {
        return Map.of();
    }

    /** {@link #all()} less the models that were added later and that {@code settings} does not have. */
    private List<SettingsModel> present(final NodeSettingsRO settings) {
        Map<String, SettingsModel> later = addedLater();
        if (later.isEmpty()) {
            return all();
        }
        List<SettingsModel> r = new ArrayList<>(all());
        for (Map.Entry<String, SettingsModel> e : later.entrySet()) {
            if (!settings.containsKey(e.getKey())) {
                r.remove(e.getValue());
            }
        }
        return r;
    }

    public final void save(final NodeSettingsWO settings) {
        saveAll(all(), settings);
    }

    public final void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateAll(present(settings), settings);
        SettingsGroup trial = fresh();
        trial.load(settings);
        trial.check();
    }

    public final void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        loadAll(present(settings), settings);
        Map<String, SettingsModel> later = addedLater();
        if (!later.isEmpty()) {
            // absent ones get their defaults, not what this group held before
            Map<String, SettingsModel> defaults = fresh().addedLater();
            for (Map.Entry<String, SettingsModel> e : later.entrySet()) {
                if (!settings.containsKey(e.getKey())) {
                    NodeSettings d = new NodeSettings("default");
                    defaults.get(e.getKey()).saveSettingsTo(d);
                    e.getValue().loadSettingsFrom(d);
                }
            }
        }
        afterLoad(settings);
    }

    /**
     * Runs after every model has loaded {@code settings}, on the trial group of {@link #validate} too, so that
     * settings written by earlier versions are read as they were meant before they are checked.
     */
    protected void afterLoad(final NodeSettingsRO settings) throws InvalidSettingsException {
        // most groups store nothing that earlier versions wrote differently
    }

    /**
     * The settings with the model id that VAE Nodes 0.1 wrote for long settings ({@code SMID_long}) replaced by
     * KNIME's ({@code SMN_long}); KNIME's settings models fail an assertion on the old id, so workflows saved by
     * that version would not load with {@code -ea}.
     */
    static NodeSettingsRO withKnimeModelIds(final NodeSettingsRO settings) {
        NodeSettings copy = null;
        for (String key : settings.keySet()) {
            if (key.endsWith(SettingsModel.CFGKEY_INTERNAL) && OLD_LONG_ID.equals(modelId(settings, key))) {
                if (copy == null) {
                    copy = new NodeSettings("model");
                    settings.copyTo(copy);
                }
                try {
                    copy.getNodeSettings(key).addString(MODEL_ID, KNIME_LONG_ID);
                } catch (InvalidSettingsException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return copy == null ? settings : copy;
    }

    private static final String MODEL_ID = "SettingsModelID";

    private static final String OLD_LONG_ID = "SMID_long";

    private static final String KNIME_LONG_ID = "SMN_long";

    private static String modelId(final NodeSettingsRO settings, final String internalsKey) {
        try {
            return settings.getNodeSettings(internalsKey).getString(MODEL_ID, null);
        } catch (InvalidSettingsException e) {
            return null;
        }
    }

    /** {@code first} followed by {@code rest}, for an {@link #all()} that includes a shared group's models. */
    protected static List<SettingsModel> concat(final List<SettingsModel> first, final SettingsModel... rest) {
        List<SettingsModel> r = new ArrayList<>(first);
        r.addAll(List.of(rest));
        return List.copyOf(r);
    }

    /** Saves each model (for nodes whose settings need no combined check). */
    public static void saveAll(final List<SettingsModel> models, final NodeSettingsWO settings) {
        for (SettingsModel m : models) {
            m.saveSettingsTo(settings);
        }
    }

    /** Lets each model check its own value in {@code settings}. */
    public static void validateAll(final List<SettingsModel> models, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        NodeSettingsRO s = withKnimeModelIds(settings);
        for (SettingsModel m : models) {
            m.validateSettings(s);
        }
    }

    /** Loads each model from {@code settings}. */
    public static void loadAll(final List<SettingsModel> models, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        NodeSettingsRO s = withKnimeModelIds(settings);
        for (SettingsModel m : models) {
            m.loadSettingsFrom(s);
        }
    }
}
