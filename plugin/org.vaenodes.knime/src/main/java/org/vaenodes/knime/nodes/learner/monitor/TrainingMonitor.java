package org.vaenodes.knime.nodes.learner.monitor;

import java.util.Arrays;

/**
 * The data model of the Learner's monitor: the training thread hands over each finished iteration's numbers
 * (a few array writes under an uncontended lock) and each snapshot; a view polls {@link #version()} a few times a
 * second and, when it changed, takes an immutable {@link #state()} to draw. The stop request goes the other way:
 * a view sets it, training polls it. Memory is bounded whatever the run's length ({@link CurveHistory}, at most
 * {@link #VALIDATION_CAPACITY} validation points, only the latest snapshot's pictures).
 */
public final class TrainingMonitor {

    /**
     * Weight of the previous smoothed value in the exponential moving average (bias-corrected, so the first
     * iterations are not pulled towards 0); 0.95 averages over roughly the last 20 iterations, which follows the
     * fast fall of the first hundred iterations without much lag and still evens out the batch-to-batch noise.
     */
    public static final double SMOOTHING = 0.95;

    /** Curve points kept by default. */
    public static final int DEFAULT_CAPACITY = 4000;

    /** Validation points kept at most (later ones replace the last). */
    public static final int VALIDATION_CAPACITY = 10_000;

    private final CurveHistory m_curves;

    private final double[] m_ema = new double[3];

    private final double[] m_point = new double[CurveHistory.SERIES];

    private double m_emaWeight;

    private MonitorState.Phase m_phase = MonitorState.Phase.IDLE;

    private int m_done;

    private int m_iterations;

    private double m_imagesPerSecond = Double.NaN;

    private double m_elapsed;

    private double m_eta = Double.NaN;

    private int[] m_valIterations = new int[16];

    private double[] m_valLoss = new double[16];

    private int m_valSize;

    private SnapshotPictures m_snapshot;

    private String m_message;

    private volatile boolean m_stopRequested;

    private volatile long m_version;

    public TrainingMonitor() {
        this(DEFAULT_CAPACITY);
    }

    public TrainingMonitor(final int curveCapacity) {
        m_curves = new CurveHistory(curveCapacity);
    }

    /** Forgets the last run and starts showing a new one of {@code iterations} iterations. */
    public synchronized void start(final int iterations) {
        clearRun();
        m_phase = MonitorState.Phase.TRAINING;
        m_iterations = iterations;
        m_stopRequested = false;
        m_version++;
    }

    /** One finished iteration (zero-based {@code iteration}); called on the training thread. */
    public synchronized void iteration(final int iteration, final double loss, final double reconstruction,
        final double kl, final double imagesPerSecond, final double elapsedSeconds, final double etaSeconds) {
        m_emaWeight = m_emaWeight * SMOOTHING + (1 - SMOOTHING);
        // no allocation on the training thread: the point is written into a reused array
        double[] point = m_point;
        point[0] = loss;
        point[1] = reconstruction;
        point[2] = kl;
        for (int s = 0; s < 3; s++) {
            m_ema[s] = SMOOTHING * m_ema[s] + (1 - SMOOTHING) * point[s];
            // the bias correction: m_emaWeight is 1 - SMOOTHING^(t+1), the total weight of the terms so far
            point[s + 3] = m_ema[s] / m_emaWeight;
        }
        m_curves.add(iteration, point);
        m_done = iteration + 1;
        m_imagesPerSecond = imagesPerSecond;
        m_elapsed = elapsedSeconds;
        m_eta = etaSeconds;
        m_version++;
    }

    /** A validation loss measured after {@code iterationsDone} iterations. */
    public synchronized void validation(final int iterationsDone, final double loss) {
        addValidation(iterationsDone, loss);
        m_version++;
    }

    private void addValidation(final int iterationsDone, final double loss) {
        if (m_valSize > 0 && m_valIterations[m_valSize - 1] == iterationsDone) {
            m_valLoss[m_valSize - 1] = loss;
            return;
        }
        if (m_valSize == VALIDATION_CAPACITY) {
            m_valSize--;
        } else if (m_valSize == m_valIterations.length) {
            int n = Math.min(VALIDATION_CAPACITY, m_valSize * 2);
            m_valIterations = Arrays.copyOf(m_valIterations, n);
            m_valLoss = Arrays.copyOf(m_valLoss, n);
        }
        m_valIterations[m_valSize] = iterationsDone;
        m_valLoss[m_valSize] = loss;
        m_valSize++;
    }

    /** The latest snapshot; its validation loss (if any) also goes onto the validation curve. */
    public synchronized void snapshot(final SnapshotPictures snapshot) {
        m_snapshot = snapshot;
        if (snapshot.hasValidation()) {
            addValidation(snapshot.iteration(), snapshot.validationLoss());
        }
        m_version++;
    }

    /** The run ended: {@link MonitorState.Phase#FINISHED} with a model, {@link MonitorState.Phase#FAILED} without. */
    public synchronized void finish(final MonitorState.Phase phase, final String message) {
        m_phase = phase;
        m_message = message;
        m_eta = Double.NaN;
        m_version++;
    }

    /** Asks the running training to stop after the current iteration and keep the model. */
    public void requestStop() {
        m_stopRequested = true;
        m_version++;
    }

    public boolean isStopRequested() {
        return m_stopRequested;
    }

    /** Changes whenever the state changes: a view redraws only when it differs from the one it drew. */
    public long version() {
        return m_version;
    }

    /** Forgets everything (the node was reset). */
    public synchronized void clear() {
        clearRun();
        m_phase = MonitorState.Phase.IDLE;
        m_stopRequested = false;
        m_version++;
    }

    private void clearRun() {
        m_curves.clear();
        Arrays.fill(m_ema, 0);
        m_emaWeight = 0;
        m_done = 0;
        m_iterations = 0;
        m_imagesPerSecond = Double.NaN;
        m_elapsed = 0;
        m_eta = Double.NaN;
        m_valSize = 0;
        m_snapshot = null;
        m_message = null;
    }

    /** A copy of everything a view draws. */
    public synchronized MonitorState state() {
        return new MonitorState(m_phase, m_done, m_iterations, m_imagesPerSecond, m_elapsed, m_eta, m_curves.copy(),
            Arrays.copyOf(m_valIterations, m_valSize), Arrays.copyOf(m_valLoss, m_valSize), m_snapshot,
            m_stopRequested, m_message);
    }

    /** Shows a stored run (read by {@link MonitorFiles}); its curves are taken as they are, not smoothed again. */
    public synchronized void restore(final MonitorState stored) {
        clearRun();
        Curves c = stored.curves();
        for (int i = 0; i < c.size(); i++) {
            m_curves.add(c.iteration()[i], c.loss()[i], c.reconstruction()[i], c.kl()[i], c.lossSmoothed()[i],
                c.reconstructionSmoothed()[i], c.klSmoothed()[i]);
        }
        for (int i = 0; i < stored.validationIterations().length; i++) {
            addValidation(stored.validationIterations()[i], stored.validationLoss()[i]);
        }
        m_phase = stored.phase();
        m_done = stored.iterationsDone();
        m_iterations = stored.iterations();
        m_imagesPerSecond = stored.imagesPerSecond();
        m_elapsed = stored.elapsedSeconds();
        m_eta = Double.NaN;
        m_snapshot = stored.snapshot();
        m_message = stored.message();
        m_stopRequested = false;
        m_version++;
    }
}
