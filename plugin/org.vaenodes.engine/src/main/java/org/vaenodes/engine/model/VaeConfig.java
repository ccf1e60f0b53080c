package org.vaenodes.engine.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

/**
 * Settings of a convolutional VAE in two parts: the {@link #architecture()} (what the model is, kept by a trained
 * model) and the {@link #training()} settings (how it is trained). Immutable; {@link #builder()} starts from the
 * seed model (28×28×1, three 64-filter 4×4 convolutions with strides 2,2,1, latent size 8, squared-error + KL
 * loss, Adam 0.0005, batch 64, 30,000 iterations). {@link #validate()} runs on every build so an unusable
 * combination fails before any work starts.
 */
public final class VaeConfig {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArchitectureSettings architecture;
    private final TrainingSettings training;

    private VaeConfig(Builder b) {
        architecture = new ArchitectureSettings(b.height, b.width, b.channels, b.latentSize, b.kernelSize, b.encoderFilters,
                b.encoderStrides, b.decoderHidden, b.decoderFilters, b.decoderStrides, b.leakyReluAlpha);
        training = new TrainingSettings(b.keepProbability, b.learningRate, b.batchSize, b.iterations,
                Objects.requireNonNull(b.reconstructionLoss, "reconstruction loss"), b.klWeight, b.seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A configuration of these two parts (checked as {@link Builder#build()} checks). */
    public static VaeConfig of(ArchitectureSettings architecture, TrainingSettings training) {
        return new Builder().architecture(architecture).training(training).build();
    }

    public Builder toBuilder() {
        return new Builder().architecture(architecture).training(training);
    }

    /** The seed model's settings. */
    public static VaeConfig defaults() {
        return builder().build();
    }

    /** What the model is: kept by a trained model. */
    public ArchitectureSettings architecture() { return architecture; }

    /** How it is trained: may change when a model is trained further. */
    public TrainingSettings training() { return training; }

    /** The same architecture trained with other settings. */
    public VaeConfig withTraining(TrainingSettings settings) {
        return toBuilder().training(settings).build();
    }

    // Shorthands for the parts' values.
    public int height() { return architecture.height(); }
    public int width() { return architecture.width(); }
    /** Pixels per image: height × width (each has {@link #channels()} values). */
    public int pixels() { return Math.multiplyExact(height(), width()); }
    /** Values per pixel: 1 (gray) or 3 (RGB). */
    public int channels() { return architecture.channels(); }
    /**
     * Floats per image, channels × height × width: the length of one image in every flat image array of the
     * engine, laid out channel-major ({@link org.vaenodes.engine.data.ImageDataset}).
     */
    public int imageValues() { return Math.multiplyExact(channels(), pixels()); }
    public int latentSize() { return architecture.latentSize(); }
    public int kernelSize() { return architecture.kernelSize(); }
    public int[] encoderFilters() { return architecture.encoderFilters(); }
    public int[] encoderStrides() { return architecture.encoderStrides(); }
    public int decoderHidden() { return architecture.decoderHidden(); }
    public int[] decoderFilters() { return architecture.decoderFilters(); }
    public int[] decoderStrides() { return architecture.decoderStrides(); }
    public double leakyReluAlpha() { return architecture.leakyReluAlpha(); }
    public double keepProbability() { return training.keepProbability(); }
    public double learningRate() { return training.learningRate(); }
    public int batchSize() { return training.batchSize(); }
    public int iterations() { return training.iterations(); }
    public ReconstructionLoss reconstructionLoss() { return training.reconstructionLoss(); }
    public double klWeight() { return training.klWeight(); }
    public long seed() { return training.seed(); }

    /** Height of the encoder's last feature map, which is also the grid the decoder starts from. */
    public int codeHeight() { return (int) (height() / product(encoderStrides())); }
    public int codeWidth() { return (int) (width() / product(encoderStrides())); }
    /** Size of the decoder's last feature map. */
    public int decodedHeight() { return Math.toIntExact(codeHeight() * product(decoderStrides())); }
    public int decodedWidth() { return Math.toIntExact(codeWidth() * product(decoderStrides())); }

    /** The most trainable values a model may have: each of its weight, gradient and Adam buffers is one array. */
    public static final long MAX_PARAMETERS = 500_000_000L;

    /**
     * The most values one array of a training batch may hold (images, a layer's activations): they are copied
     * through Java arrays and NIO buffers, which are int-indexed (2^31 bytes at most).
     */
    public static final long MAX_VALUES_PER_BATCH_ARRAY = 500_000_000L;

    /** Trainable values of this architecture (weights and biases), computed exactly. */
    public long parameterCount() {
        return VaeWeights.count(this);
    }

    /** The per-image output of one (transposed) convolution layer: channels × height × width. */
    public record FeatureMap(String layer, int channels, int height, int width) {
        public long values() {
            return Math.multiplyExact((long) channels, Math.multiplyExact((long) height(), width()));
        }
    }

    /** The encoder's feature maps, first layer first ("SAME" convolutions: size / stride). */
    public List<FeatureMap> encoderMaps() {
        List<FeatureMap> maps = new ArrayList<>();
        int h = height();
        int w = width();
        for (int i = 0; i < encoderFilters().length; i++) {
            h = (h + encoderStrides()[i] - 1) / encoderStrides()[i];
            w = (w + encoderStrides()[i] - 1) / encoderStrides()[i];
            maps.add(new FeatureMap("encoder layer " + (i + 1), encoderFilters()[i], h, w));
        }
        return maps;
    }

    /** The decoder's feature maps, first layer first (size × stride, starting from the code grid). */
    public List<FeatureMap> decoderMaps() {
        List<FeatureMap> maps = new ArrayList<>();
        int h = codeHeight();
        int w = codeWidth();
        for (int i = 0; i < decoderFilters().length; i++) {
            h = Math.multiplyExact(h, decoderStrides()[i]);
            w = Math.multiplyExact(w, decoderStrides()[i]);
            maps.add(new FeatureMap("decoder layer " + (i + 1), decoderFilters()[i], h, w));
        }
        return maps;
    }

    /** One line a user can read, e.g. in a port summary. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "input %d×%d×%d · encoder conv %s filters, %d×%d kernels, strides %s · latent %d · "
                        + "decoder dense %d→%d, deconv %s filters, strides %s · %s loss, β=%s",
                height(), width(), channels(), Arrays.toString(encoderFilters()), kernelSize(), kernelSize(), Arrays.toString(encoderStrides()),
                latentSize(), decoderHidden(), codeHeight() * codeWidth(), Arrays.toString(decoderFilters()),
                Arrays.toString(decoderStrides()), reconstructionLoss(), klWeight());
    }

    /**
     * Product of strides, saturated: beyond {@link #PRODUCT_CAP} (more than any image side) it stops growing,
     * so many layers cannot overflow it into a small or zero divisor.
     */
    private static long product(int[] values) {
        long p = 1;
        for (int v : values) {
            p = Math.min(PRODUCT_CAP, p * v);
        }
        return p;
    }

    private static final long PRODUCT_CAP = 1L << 32;

    private void validate() {
        validateArchitecture();
        validateTraining();
        checkParameterCount();
        checkBatchArrays();
    }

    /** The architecture part's own checks. */
    private void validateArchitecture() {
        require(height() >= 1 && height() <= 4096, "Image height must be between 1 and 4096, got " + height());
        require(width() >= 1 && width() <= 4096, "Image width must be between 1 and 4096, got " + width());
        require(channels() == 1 || channels() == 3, "Channels must be 1 (grayscale) or 3 (RGB), got " + channels());
        require(latentSize() >= 1 && latentSize() <= 4096, "Latent size must be between 1 and 4096, got " + latentSize());
        require(kernelSize() >= 1 && kernelSize() <= 15, "Kernel size must be between 1 and 15, got " + kernelSize());
        require(encoderFilters().length >= 1, "The encoder needs at least one convolution layer");
        require(encoderFilters().length == encoderStrides().length, "Encoder filters (" + encoderFilters().length
                + " layers) and encoder strides (" + encoderStrides().length + " layers) must have the same length");
        require(decoderFilters().length >= 1, "The decoder needs at least one transposed convolution layer");
        require(decoderFilters().length == decoderStrides().length, "Decoder filters (" + decoderFilters().length
                + " layers) and decoder strides (" + decoderStrides().length + " layers) must have the same length");
        for (int f : encoderFilters()) {
            require(f >= 1 && f <= 1024, "Encoder filters must be between 1 and 1024, got " + f);
        }
        for (int f : decoderFilters()) {
            require(f >= 1 && f <= 1024, "Decoder filters must be between 1 and 1024, got " + f);
        }
        for (int s : encoderStrides()) {
            require(s >= 1 && s <= kernelSize(), "Encoder strides must be between 1 and the kernel size ("
                    + kernelSize() + "), got " + s);
        }
        for (int s : decoderStrides()) {
            require(s >= 1 && s <= kernelSize(), "Decoder strides must be between 1 and the kernel size ("
                    + kernelSize() + "), got " + s);
        }
        long down = product(encoderStrides());
        require(height() % down == 0 && width() % down == 0, "Image size " + height() + "×" + width()
                + " is not divisible by the product of the encoder strides (" + (down >= PRODUCT_CAP ? "over " + PRODUCT_CAP : down)
                + "); choose strides that divide it");
        long up = product(decoderStrides());
        long decodedH = Math.min(PRODUCT_CAP, codeHeight() * up);
        long decodedW = Math.min(PRODUCT_CAP, codeWidth() * up);
        int lastFilters = decoderFilters()[decoderFilters().length - 1];
        boolean decodedFits = decodedH <= 4_000_000 && decodedW <= 4_000_000 && decodedH * decodedW * lastFilters <= 4_000_000;
        require(decodedFits, "The decoder's last feature map (" + decodedH + "×"
                + decodedW + "×" + lastFilters + ") is too large; use larger encoder or smaller decoder strides");
        require(decoderHidden() >= 1 && decoderHidden() <= 65536, "Decoder hidden size must be between 1 and 65536, got " + decoderHidden());
        require(leakyReluAlpha() >= 0 && leakyReluAlpha() < 1, "Leaky ReLU slope must be in [0, 1), got " + leakyReluAlpha());
    }

    /** The training part's own checks. */
    private void validateTraining() {
        require(keepProbability() > 0 && keepProbability() <= 1, "Dropout keep probability must be in (0, 1], got " + keepProbability());
        require(learningRate() > 0 && learningRate() <= 10 && Double.isFinite(learningRate()),
                "Learning rate must be in (0, 10], got " + learningRate());
        require(batchSize() >= 1 && batchSize() <= 65536, "Batch size must be between 1 and 65536, got " + batchSize());
        require(iterations() >= 1, "Iterations must be at least 1, got " + iterations());
        require(klWeight() >= 0 && Double.isFinite(klWeight()), "KL weight β must be ≥ 0, got " + klWeight());
    }

    private void checkParameterCount() {
        long total = parameterCount();
        if (total <= MAX_PARAMETERS) {
            return;
        }
        long output = Math.multiplyExact(decoderMaps().get(decoderMaps().size() - 1).values(), (long) imageValues());
        String largest = output * 2 > total
                ? "the output layer alone has " + group(output) + ": the decoder's last feature map (" + decodedHeight()
                        + "×" + decodedWidth() + "×" + decoderFilters()[decoderFilters().length - 1] + ") times the "
                        + height() + "×" + width() + (channels() == 1 ? "" : "×" + channels()) + " image values; use fewer decoder filters in the last layer, larger encoder strides, smaller decoder strides or smaller images"
                : "use fewer filters, larger encoder strides or smaller images";
        // weights, gradients and Adam's two moments, 4 bytes each: what training would need before anything else
        double gib = total * 16.0 / (1L << 30);
        throw new InvalidConfigException(String.format(java.util.Locale.ROOT, "The model would have %s parameters "
                + "(training needs over %.1f GiB for their weights, gradients and Adam moments), more than the %s a "
                + "model may have (%s)", group(total), gib, group(MAX_PARAMETERS), largest));
    }

    /** Each array of a training batch must fit {@link #MAX_VALUES_PER_BATCH_ARRAY}; the batch size scales them all. */
    private void checkBatchArrays() {
        long perImage = imageValues();
        String which = "images of " + height() + "×" + width() + (channels() == 1 ? "" : "×" + channels());
        List<FeatureMap> maps = new ArrayList<>(encoderMaps());
        List<FeatureMap> decoder = decoderMaps();
        for (int i = 0; i < decoder.size(); i++) {
            FeatureMap m = decoder.get(i);
            // a strided transposed convolution writes a slightly larger map before it is cropped
            int excess = decoderStrides()[i] == 1 ? 0 : TransposedConvPadding.excess(kernelSize(), decoderStrides()[i]);
            maps.add(new FeatureMap(m.layer(), m.channels(), m.height() + excess, m.width() + excess));
        }
        for (FeatureMap m : maps) {
            if (m.values() > perImage) {
                perImage = m.values();
                which = m.layer() + "'s output (" + m.channels() + " filters × " + m.height() + "×" + m.width() + ")";
            }
        }
        if (perImage > MAX_VALUES_PER_BATCH_ARRAY) {
            throw new InvalidConfigException("The " + which + " has " + group(perImage) + " values per image, more than the "
                    + group(MAX_VALUES_PER_BATCH_ARRAY) + " one array may hold; use fewer filters or larger encoder strides");
        }
        long perBatch = Math.multiplyExact(perImage, (long) batchSize());
        if (perBatch > MAX_VALUES_PER_BATCH_ARRAY) {
            throw new InvalidConfigException("Batch size " + batchSize() + " is too large for this model: the " + which
                    + " for a batch would need " + group(perBatch) + " values in one array, more than "
                    + group(MAX_VALUES_PER_BATCH_ARRAY) + "; use a batch size of at most "
                    + MAX_VALUES_PER_BATCH_ARRAY / perImage);
        }
    }

    private static String group(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidConfigException(message);
        }
    }

    // ---- JSON ---------------------------------------------------------------------------------------------

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", height());
        m.put("width", width());
        m.put("channels", channels());
        m.put("latentSize", latentSize());
        m.put("kernelSize", kernelSize());
        m.put("encoderFilters", encoderFilters());
        m.put("encoderStrides", encoderStrides());
        m.put("decoderHidden", decoderHidden());
        m.put("decoderFilters", decoderFilters());
        m.put("decoderStrides", decoderStrides());
        m.put("leakyReluAlpha", leakyReluAlpha());
        m.put("keepProbability", keepProbability());
        m.put("learningRate", learningRate());
        m.put("batchSize", batchSize());
        m.put("iterations", iterations());
        m.put("reconstructionLoss", reconstructionLoss().name());
        m.put("klWeight", klWeight());
        m.put("seed", seed());
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the VAE configuration as JSON", e);
        }
    }

    /**
     * Reads what {@link #toJson()} wrote. Missing keys take the seed's value (so older files stay readable);
     * a value of the wrong type or an invalid combination is an error naming the key.
     */
    public static VaeConfig fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidConfigException("The VAE configuration is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException("The VAE configuration must be a JSON object");
        }
        Builder b = builder();
        JsonReader r = new JsonReader(root);
        b.height = r.integer("height", b.height);
        b.width = r.integer("width", b.width);
        b.channels = r.integer("channels", 1); // files written before colour have no channels: grayscale
        b.latentSize = r.integer("latentSize", b.latentSize);
        b.kernelSize = r.integer("kernelSize", b.kernelSize);
        b.encoderFilters = r.integers("encoderFilters", b.encoderFilters);
        b.encoderStrides = r.integers("encoderStrides", b.encoderStrides);
        b.decoderHidden = r.integer("decoderHidden", b.decoderHidden);
        b.decoderFilters = r.integers("decoderFilters", b.decoderFilters);
        b.decoderStrides = r.integers("decoderStrides", b.decoderStrides);
        b.leakyReluAlpha = r.number("leakyReluAlpha", b.leakyReluAlpha);
        b.keepProbability = r.number("keepProbability", b.keepProbability);
        b.learningRate = r.number("learningRate", b.learningRate);
        b.batchSize = r.integer("batchSize", b.batchSize);
        b.iterations = r.integer("iterations", b.iterations);
        String loss = r.text("reconstructionLoss", b.reconstructionLoss.name());
        try {
            b.reconstructionLoss = ReconstructionLoss.valueOf(loss);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("Unknown reconstruction loss '" + loss + "'; expected one of "
                    + Arrays.toString(ReconstructionLoss.values()));
        }
        b.klWeight = r.number("klWeight", b.klWeight);
        b.seed = r.longInteger("seed", b.seed);
        return b.build();
    }

    /** Typed access to a JSON object whose errors name the key. */
    private record JsonReader(JsonNode root) {
        int integer(String key, int fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                throw new InvalidConfigException("'" + key + "' must be a whole number, got " + n);
            }
            return n.intValue();
        }

        long longInteger(String key, long fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new InvalidConfigException("'" + key + "' must be a whole number, got " + n);
            }
            return n.longValue();
        }

        double number(String key, double fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (!n.isNumber()) {
                throw new InvalidConfigException("'" + key + "' must be a number, got " + n);
            }
            return n.doubleValue();
        }

        String text(String key, String fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (!n.isTextual()) {
                throw new InvalidConfigException("'" + key + "' must be a string, got " + n);
            }
            return n.textValue();
        }

        int[] integers(String key, int[] fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (!n.isArray()) {
                throw new InvalidConfigException("'" + key + "' must be a list of whole numbers, got " + n);
            }
            int[] out = new int[n.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = n.get(i);
                if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                    throw new InvalidConfigException("'" + key + "' must be a list of whole numbers, got " + n);
                }
                out[i] = e.intValue();
            }
            return out;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaeConfig other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Mutable builder, preset to the seed model. */
    public static final class Builder {
        private int height = 28;
        private int width = 28;
        private int channels = 1;
        private int latentSize = 8;
        private int kernelSize = 4;
        private int[] encoderFilters = {64, 64, 64};
        private int[] encoderStrides = {2, 2, 1};
        private int decoderHidden = 24;
        private int[] decoderFilters = {64, 64, 64};
        private int[] decoderStrides = {2, 1, 1};
        private double leakyReluAlpha = 0.3;
        private double keepProbability = 0.8;
        private double learningRate = 0.0005;
        private int batchSize = 64;
        private int iterations = 30_000;
        private ReconstructionLoss reconstructionLoss = ReconstructionLoss.SUM_SQUARED;
        private double klWeight = 1.0;
        private long seed = 0;

        private Builder() {
        }

        public Builder imageSize(int height, int width) { this.height = height; this.width = width; return this; }
        /** Values per pixel: 1 (gray, the default) or 3 (RGB). */
        public Builder channels(int v) { channels = v; return this; }
        public Builder latentSize(int v) { latentSize = v; return this; }
        public Builder kernelSize(int v) { kernelSize = v; return this; }
        public Builder encoderFilters(int... v) { encoderFilters = v.clone(); return this; }
        public Builder encoderStrides(int... v) { encoderStrides = v.clone(); return this; }
        public Builder decoderHidden(int v) { decoderHidden = v; return this; }
        public Builder decoderFilters(int... v) { decoderFilters = v.clone(); return this; }
        public Builder decoderStrides(int... v) { decoderStrides = v.clone(); return this; }
        /** Same filter count for every encoder and decoder convolution. */
        public Builder filters(int v) {
            Arrays.fill(encoderFilters, v);
            Arrays.fill(decoderFilters, v);
            return this;
        }
        public Builder leakyReluAlpha(double v) { leakyReluAlpha = v; return this; }
        public Builder keepProbability(double v) { keepProbability = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder iterations(int v) { iterations = v; return this; }
        public Builder reconstructionLoss(ReconstructionLoss v) { reconstructionLoss = v; return this; }
        public Builder klWeight(double v) { klWeight = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        /** Takes every architecture setting from {@code a}. */
        public Builder architecture(ArchitectureSettings a) {
            height = a.height();
            width = a.width();
            channels = a.channels();
            latentSize = a.latentSize();
            kernelSize = a.kernelSize();
            encoderFilters = a.encoderFilters();
            encoderStrides = a.encoderStrides();
            decoderHidden = a.decoderHidden();
            decoderFilters = a.decoderFilters();
            decoderStrides = a.decoderStrides();
            leakyReluAlpha = a.leakyReluAlpha();
            return this;
        }

        /** Takes every training setting from {@code t}. */
        public Builder training(TrainingSettings t) {
            keepProbability = t.keepProbability();
            learningRate = t.learningRate();
            batchSize = t.batchSize();
            iterations = t.iterations();
            reconstructionLoss = t.reconstructionLoss();
            klWeight = t.klWeight();
            seed = t.seed();
            return this;
        }

        /** @throws InvalidConfigException naming the setting when the combination cannot work */
        public VaeConfig build() {
            VaeConfig c = new VaeConfig(this);
            c.validate();
            return c;
        }
    }
}
