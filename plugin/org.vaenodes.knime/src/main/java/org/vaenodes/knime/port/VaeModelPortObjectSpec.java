package org.vaenodes.knime.port;

import java.io.IOException;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.vaenodes.engine.model.InvalidConfigException;
import org.vaenodes.engine.model.VaeConfig;

/**
 * What is known about a VAE model before it is trained: its configuration (image size, latent size,
 * architecture). The learner announces it at configure time so downstream nodes configure before it runs.
 */
public final class VaeModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    private static final String CFG_CONFIG_JSON = "config_json";

    private VaeConfig m_config;

    /** For the serializer only. */
    public VaeModelPortObjectSpec() {
    }

    public VaeModelPortObjectSpec(final VaeConfig config) {
        m_config = config;
    }

    /** The model's configuration. */
    public VaeConfig getConfig() {
        return m_config;
    }

    public int getHeight() {
        return m_config.height();
    }

    public int getWidth() {
        return m_config.width();
    }

    /** Pixels per image (height × width). */
    public int getPixels() {
        return m_config.pixels();
    }

    public int getLatentSize() {
        return m_config.latentSize();
    }

    /** One line describing the architecture. */
    public String getArchitectureSummary() {
        return m_config.summary();
    }

    /** The configuration as JSON (the engine's format). */
    public String getConfigJson() {
        return m_config.toJson();
    }

    /** Text shown in the spec view and port tooltips. */
    public String describe() {
        if (m_config == null) {
            // a Learner on a PNG column knows the image size only once it has read the first image
            return "VAE model not known yet (execute the VAE Learner)";
        }
        return "Images " + getHeight() + "×" + getWidth() + (m_config.channels() == 3 ? " RGB" : "") + " ("
            + getPixels() + " pixels) · latent size "
            + getLatentSize() + "\n" + getArchitectureSummary();
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(CFG_CONFIG_JSON, m_config.toJson());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        String json = model.getString(CFG_CONFIG_JSON);
        try {
            m_config = VaeConfig.fromJson(json);
        } catch (InvalidConfigException e) {
            throw new InvalidSettingsException("Invalid VAE model configuration: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidSettingsException("Unreadable VAE model configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(m_config == null ? describe() : describe() + "\n\n" + getConfigJson());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("VAE Model");
        return new JComponent[]{pane};
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Registered in plugin.xml. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<VaeModelPortObjectSpec> {

        @Override
        public void savePortObjectSpec(final VaeModelPortObjectSpec spec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            super.savePortObjectSpec(spec, out);
        }

        @Override
        public VaeModelPortObjectSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            return super.loadPortObjectSpec(in);
        }
    }
}
