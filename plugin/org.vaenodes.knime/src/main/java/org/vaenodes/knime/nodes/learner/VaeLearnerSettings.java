package org.vaenodes.knime.nodes.learner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

import org.vaenodes.knime.nodes.ImageInputSettings;
import org.vaenodes.knime.nodes.SettingsGroup;
import org.vaenodes.engine.model.InvalidConfigException;
import org.vaenodes.engine.model.ReconstructionLoss;
import org.vaenodes.engine.model.TrainingSettings;
import org.vaenodes.engine.model.VaeConfig;
import org.vaenodes.engine.train.TrainingRun;
import org.vaenodes.knime.table.ColumnSelection;
import org.vaenodes.knime.table.PixelColumns;

/** The VAE Learner's settings; defaults are the seed model's ({@link VaeConfig#defaults()}). */
final class VaeLearnerSettings extends SettingsGroup {

    private static final VaeConfig D = VaeConfig.defaults();

    // Input
    /** Images from pixel columns or a PNG column; by default other sizes are refused, see TrainingInput. */
    final ImageInputSettings m_input = new ImageInputSettings(false, true);

    final SettingsModelColumnFilter2 m_columns = ColumnSelection.create();

    final SettingsModelBoolean m_sizeFromProperties = new SettingsModelBoolean("size_from_column_properties", true);

    final SettingsModelIntegerBounded m_height = new SettingsModelIntegerBounded("image_height", D.height(), 1, 4096);

    final SettingsModelIntegerBounded m_width = new SettingsModelIntegerBounded("image_width", D.width(), 1, 4096);

    // Architecture
    final SettingsModelIntegerBounded m_latent =
        new SettingsModelIntegerBounded("latent_size", D.latentSize(), 1, 4096);

    final SettingsModelIntegerBounded m_kernel = new SettingsModelIntegerBounded("kernel_size", D.kernelSize(), 1, 15);

    final SettingsModelString m_encoderFilters = new SettingsModelString("encoder_filters", join(D.encoderFilters()));

    final SettingsModelString m_encoderStrides = new SettingsModelString("encoder_strides", join(D.encoderStrides()));

    final SettingsModelIntegerBounded m_decoderHidden =
        new SettingsModelIntegerBounded("decoder_hidden", D.decoderHidden(), 1, 65536);

    final SettingsModelString m_decoderFilters = new SettingsModelString("decoder_filters", join(D.decoderFilters()));

    final SettingsModelString m_decoderStrides = new SettingsModelString("decoder_strides", join(D.decoderStrides()));

    final SettingsModelDoubleBounded m_leakyAlpha =
        new SettingsModelDoubleBounded("leaky_relu_alpha", D.leakyReluAlpha(), 0, 0.999999);

    // Training
    final SettingsModelIntegerBounded m_iterations =
        new SettingsModelIntegerBounded("iterations", D.iterations(), 1, Integer.MAX_VALUE);

    final SettingsModelIntegerBounded m_batchSize =
        new SettingsModelIntegerBounded("batch_size", D.batchSize(), 1, 65536);

    final SettingsModelDoubleBounded m_learningRate =
        new SettingsModelDoubleBounded("learning_rate", D.learningRate(), 1e-12, 10);

    final SettingsModelDoubleBounded m_keepProbability =
        new SettingsModelDoubleBounded("keep_probability", D.keepProbability(), 1e-6, 1);

    final SettingsModelString m_loss = new SettingsModelString("reconstruction_loss", D.reconstructionLoss().name());

    final SettingsModelDoubleBounded m_klWeight =
        new SettingsModelDoubleBounded("kl_weight", D.klWeight(), 0, Double.MAX_VALUE);

    // Advanced
    final SettingsModelLong m_seed = new SettingsModelLong("seed", D.seed());

    final SettingsModelIntegerBounded m_threads = new SettingsModelIntegerBounded("threads", 0, 0, 1024);

    // Stopping and snapshots (added with issue 12; settings saved before lack them and get these defaults)
    final SettingsModelIntegerBounded m_timeLimitMinutes =
        new SettingsModelIntegerBounded("time_limit_minutes", 0, 0, 525_600);

    final SettingsModelDoubleBounded m_validationShare =
        new SettingsModelDoubleBounded("validation_share", 0, 0, TrainingRun.MAX_VALIDATION_SHARE);

    final SettingsModelBoolean m_earlyStopping = new SettingsModelBoolean("early_stopping", false);

    final SettingsModelIntegerBounded m_patience =
        new SettingsModelIntegerBounded("early_stopping_patience", 3, 1, 1_000_000);

    final SettingsModelDoubleBounded m_minImprovement =
        new SettingsModelDoubleBounded("early_stopping_min_improvement", 0, 0, Double.MAX_VALUE);

    final SettingsModelIntegerBounded m_snapshotEvery =
        new SettingsModelIntegerBounded("snapshot_every", TrainingRun.DEFAULT_SNAPSHOT_EVERY, 0, Integer.MAX_VALUE);

    @Override
    protected List<SettingsModel> all() {
        return concat(m_input.models(), m_columns, m_sizeFromProperties, m_height, m_width, m_latent, m_kernel, m_encoderFilters,
            m_encoderStrides, m_decoderHidden, m_decoderFilters, m_decoderStrides, m_leakyAlpha, m_iterations,
            m_batchSize, m_learningRate, m_keepProbability, m_loss, m_klWeight, m_seed, m_threads, m_timeLimitMinutes,
            m_validationShare, m_earlyStopping, m_patience, m_minImprovement, m_snapshotEvery);
    }

    @Override
    protected Map<String, SettingsModel> addedLater() {
        Map<String, SettingsModel> m = new LinkedHashMap<>(m_input.addedLater());
        m.put("time_limit_minutes", m_timeLimitMinutes);
        m.put("validation_share", m_validationShare);
        m.put("early_stopping", m_earlyStopping);
        m.put("early_stopping_patience", m_patience);
        m.put("early_stopping_min_improvement", m_minImprovement);
        m.put("snapshot_every", m_snapshotEvery);
        return m;
    }

    /** The architecture's settings models: a connected model input decides them instead. */
    List<SettingsModel> architecture() {
        return List.of(m_latent, m_kernel, m_encoderFilters, m_encoderStrides, m_decoderHidden, m_decoderFilters,
            m_decoderStrides, m_leakyAlpha);
    }

    @Override
    protected VaeLearnerSettings fresh() {
        return new VaeLearnerSettings();
    }

    @Override
    protected void afterLoad(final NodeSettingsRO settings) throws InvalidSettingsException {
        ColumnSelection.migrateLegacy(m_columns, settings);
    }

    static String join(final int[] values) {
        StringBuilder b = new StringBuilder();
        for (int v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    static int[] parse(final String text, final String what) throws InvalidSettingsException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new InvalidSettingsException(what + " is empty; enter comma-separated whole numbers, e.g. 64,64,64.");
        }
        String[] parts = t.split("\\s*,\\s*");
        int[] r = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                r[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException(what + ": \"" + parts[i] + "\" is not a whole number; enter "
                    + "comma-separated whole numbers, e.g. 64,64,64.", e);
            }
        }
        return r;
    }

    /** Checks what can be checked without knowing the image size. */
    @Override
    protected void check() throws InvalidSettingsException {
        parse(m_encoderFilters.getStringValue(), "Encoder filters");
        parse(m_encoderStrides.getStringValue(), "Encoder strides");
        parse(m_decoderFilters.getStringValue(), "Decoder filters");
        parse(m_decoderStrides.getStringValue(), "Decoder strides");
        lossValue();
        m_input.check();
        run();
    }

    /** How the run goes: time limit, validation share, early stopping, snapshots. */
    TrainingRun run() throws InvalidSettingsException {
        int minutes = m_timeLimitMinutes.getIntValue();
        if (m_earlyStopping.getBooleanValue() && m_validationShare.getDoubleValue() == 0) {
            throw new InvalidSettingsException("Early stopping watches the validation loss: set \"Validation share\" "
                + "above 0 or untick \"Early stopping\".");
        }
        if (m_earlyStopping.getBooleanValue() && m_snapshotEvery.getIntValue() == 0) {
            throw new InvalidSettingsException("Early stopping measures the validation loss at every snapshot: set "
                + "\"Snapshot every N iterations\" above 0 or untick \"Early stopping\".");
        }
        try {
            return new TrainingRun(minutes == 0 ? null : Duration.ofMinutes(minutes),
                m_validationShare.getDoubleValue(), m_earlyStopping.getBooleanValue()
                    ? new TrainingRun.EarlyStopping(m_patience.getIntValue(), m_minImprovement.getDoubleValue())
                    : null, m_snapshotEvery.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        }
    }

    private ReconstructionLoss lossValue() throws InvalidSettingsException {
        try {
            return ReconstructionLoss.valueOf(m_loss.getStringValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Unknown reconstruction loss \"" + m_loss.getStringValue()
                + "\"; use SUM_SQUARED or BERNOULLI.", e);
        }
    }

    /** The engine configuration for images of the given size. */
    VaeConfig config(final int height, final int width) throws InvalidSettingsException {
        ReconstructionLoss loss = lossValue();
        try {
            return VaeConfig.builder().imageSize(height, width).latentSize(m_latent.getIntValue())
                .kernelSize(m_kernel.getIntValue()).encoderFilters(parse(m_encoderFilters.getStringValue(),
                    "Encoder filters"))
                .encoderStrides(parse(m_encoderStrides.getStringValue(), "Encoder strides"))
                .decoderHidden(m_decoderHidden.getIntValue())
                .decoderFilters(parse(m_decoderFilters.getStringValue(), "Decoder filters"))
                .decoderStrides(parse(m_decoderStrides.getStringValue(), "Decoder strides"))
                .leakyReluAlpha(m_leakyAlpha.getDoubleValue()).keepProbability(m_keepProbability.getDoubleValue())
                .learningRate(m_learningRate.getDoubleValue()).batchSize(m_batchSize.getIntValue())
                .iterations(m_iterations.getIntValue()).reconstructionLoss(loss).klWeight(m_klWeight.getDoubleValue())
                .seed(m_seed.getLongValue()).build();
        } catch (InvalidConfigException e) {
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        }
    }

    /** The model's architecture, trained further with this dialog's training settings. */
    VaeConfig continued(final VaeConfig model) throws InvalidSettingsException {
        ReconstructionLoss loss = lossValue();
        try {
            return model.withTraining(new TrainingSettings(m_keepProbability.getDoubleValue(),
                m_learningRate.getDoubleValue(), m_batchSize.getIntValue(), m_iterations.getIntValue(), loss,
                m_klWeight.getDoubleValue(), m_seed.getLongValue()));
        } catch (InvalidConfigException e) {
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        }
    }

    /** The selected pixel columns and the image size for the given input. */
    Input input(final DataTableSpec spec) throws InvalidSettingsException {
        String[] cols = ColumnSelection.selected(m_columns, spec);
        int channels = PixelColumns.channels(spec, cols);
        if (channels != 1) {
            cols = PixelColumns.channelMajor(cols);
        }
        int[] idx = PixelColumns.indices(spec, cols);
        int perChannel = cols.length / channels;
        int h;
        int w;
        int[] props = PixelColumns.sizeFromProperties(spec, cols);
        if (m_sizeFromProperties.getBooleanValue() && props != null) {
            h = props[0];
            w = props[1];
        } else if (m_sizeFromProperties.getBooleanValue()) {
            int side = (int)Math.round(Math.sqrt(perChannel));
            if (side * side != perChannel) {
                throw new InvalidSettingsException("The pixel columns carry no image size and " + perChannel
                    + " is not a square number; untick \"Image size from column properties\" and enter height "
                    + "and width.");
            }
            h = side;
            w = side;
        } else {
            h = m_height.getIntValue();
            w = m_width.getIntValue();
        }
        if (cols.length != channels * h * w) {
            throw new InvalidSettingsException("Images of " + h + "×" + w + (channels == 1 ? "" : "×" + channels)
                + " need " + channels * h * w + " pixel columns; " + cols.length + (cols.length == 1 ? " is"
                    : " are") + " selected.");
        }
        return new Input(cols, idx, h, w, channels);
    }

    /** Resolved input columns (channel-major) and image shape. */
    record Input(String[] columns, int[] indices, int height, int width, int channels) {
    }
}
