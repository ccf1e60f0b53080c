package org.vaenodes.knime.nodes;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;

/** Small helpers the node models share. */
public final class NodeSupport {

    /** Rows read, processed and written per batch. */
    public static final int BATCH = 256;

    private NodeSupport() {
    }

    /** A cancel flag for engine loops: true once KNIME asks to cancel. */
    public static BooleanSupplier canceled(final ExecutionMonitor exec) {
        return () -> {
            try {
                exec.checkCanceled();
                return false;
            } catch (CanceledExecutionException e) {
                return true;
            }
        };
    }

    /** The model spec at the given input, with a clear message when there is none yet. */
    public static VaeModelPortObjectSpec modelSpec(final PortObjectSpec spec) throws InvalidSettingsException {
        if (!(spec instanceof VaeModelPortObjectSpec)) {
            throw new InvalidSettingsException("No VAE model at the model input; connect a VAE Learner.");
        }
        if (((VaeModelPortObjectSpec)spec).getConfig() == null) {
            // a Learner on a PNG column learns the image size from its first image
            throw new InvalidSettingsException("The VAE model is not known yet; connect a VAE Learner and execute "
                + "it (a Learner on a PNG image column takes the image size from the data).");
        }
        return (VaeModelPortObjectSpec)spec;
    }

    /** A fresh model instance for this execution (the caller closes it). */
    public static VaeModel open(final VaeModelPortObject port) throws InvalidSettingsException {
        try {
            return port.openModel();
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot read the VAE model: " + e.getMessage(), e);
        }
    }

    /** Values per pixel of the model's images (1 gray, 3 RGB). */
    public static int channels(final org.vaenodes.engine.model.VaeConfig config) {
        return config.channels();
    }

    /** Progress fraction, guarded against empty inputs. */
    public static double fraction(final long done, final long total) {
        return total <= 0 ? 1.0 : Math.min(1.0, done / (double)total);
    }
}
