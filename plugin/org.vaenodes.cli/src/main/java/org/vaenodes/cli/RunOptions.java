package org.vaenodes.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vaenodes.engine.train.TrainingRun;

import picocli.CommandLine.Option;

/**
 * How {@code train} runs beside the model's settings: snapshots, validation, stop criteria and the model to
 * continue ({@link TrainingRun}, the same choices as the VAE Learner's).
 */
final class RunOptions {

    @Option(names = "--snapshot-every", paramLabel = "N",
            description = "Take a snapshot after iteration 0, N, 2N, … and the last: the losses (validation too) and,"
                    + " with --snapshot-dir, iteration-<n>.png and samples-<n>.png; 0 = none (default: ${DEFAULT-VALUE},"
                    + " the seed's).")
    int snapshotEvery = TrainingRun.DEFAULT_SNAPSHOT_EVERY;

    @Option(names = "--snapshot-dir", paramLabel = "DIR",
            description = "Write each snapshot's pictures here: iteration-<n>.png (fixed inputs above their"
                    + " reconstructions) and samples-<n>.png (decoded from fixed z ~ N(0, I)).")
    Path snapshotDir;

    @Option(names = "--resume", paramLabel = "MODEL.zip",
            description = "Continue training this model for --iterations more iterations; its architecture is used"
                    + " (architecture options are refused) and training options not given are the model's.")
    Path resume;

    @Option(names = "--validation-share", paramLabel = "X",
            description = "Share of the images held out for the validation loss (dropout off, at each snapshot),"
                    + " 0 to 0.5 (default: ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--time-limit", paramLabel = "T",
            description = "Stop after this long and save the model trained so far: seconds, or a number with s, m"
                    + " or h (e.g. 90s, 30m, 2h).")
    String timeLimit;

    @Option(names = "--early-stopping-patience", paramLabel = "N",
            description = "Stop when the validation loss has not improved for N snapshots in a row and save the"
                    + " model of the best one; needs --validation-share (default: 0, off).")
    int patience;

    @Option(names = "--early-stopping-min-delta", paramLabel = "X",
            description = "The least fall of the validation loss that counts as an improvement (default:"
                    + " ${DEFAULT-VALUE}).")
    double minDelta;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smh]?)");

    /** The run these options describe, each value checked and named in a {@link UsageException} when wrong. */
    TrainingRun toRun() {
        Arguments.atLeast("--snapshot-every", snapshotEvery, 0);
        if (!(validationShare >= 0 && validationShare <= TrainingRun.MAX_VALIDATION_SHARE)) {
            throw new UsageException(String.format(Locale.ROOT, "--validation-share %s: must be 0 to %s (at least"
                    + " half of the images stay for training)", validationShare, TrainingRun.MAX_VALIDATION_SHARE));
        }
        Arguments.atLeast("--early-stopping-patience", patience, 0);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new UsageException("--early-stopping-min-delta " + minDelta + ": must be a number of at least 0");
        }
        TrainingRun.EarlyStopping early = null;
        if (patience > 0) {
            if (validationShare == 0) {
                throw new UsageException("--early-stopping-patience " + patience + ": early stopping watches the"
                        + " validation loss; give --validation-share too");
            }
            if (snapshotEvery == 0) {
                throw new UsageException("--early-stopping-patience " + patience + ": the validation loss is"
                        + " evaluated at snapshots; --snapshot-every must be above 0");
            }
            early = new TrainingRun.EarlyStopping(patience, minDelta);
        }
        // without pictures to write or validation rows to evaluate, a snapshot would be computed for nothing
        int every = snapshotDir != null || validationShare > 0 ? snapshotEvery : 0;
        return new TrainingRun(timeLimit == null ? null : duration(timeLimit), validationShare, early, every);
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--time-limit " + text + ": not a duration; give seconds or a number with s, m"
                    + " or h, e.g. 90s, 30m, 2h");
        }
        double value = Double.parseDouble(m.group(1));
        double seconds = switch (m.group(2)) {
            case "m" -> value * 60;
            case "h" -> value * 3600;
            default -> value;
        };
        if (!(seconds > 0) || seconds > 1e9) {
            throw new UsageException("--time-limit " + text + ": must be above 0 and at most 10^9 seconds");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
