package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Stand-in for KNIME's {@code NodeProgressMonitor}: progress (0..1), message and cancel request of a running node.
 * (KNIME's listener methods are not part of the stand-in.)
 */
public interface NodeProgressMonitor {

    void checkCanceled() throws CanceledExecutionException;

    void setExecuteCanceled();

    /** The progress in [0, 1], {@code null} if none was set. */
    Double getProgress();

    void setProgress(double progress);

    void setProgress(double progress, String message);

    default void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message == null ? null : message.get());
    }

    void setMessage(String message);
}
