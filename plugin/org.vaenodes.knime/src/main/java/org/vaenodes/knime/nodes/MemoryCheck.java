package org.vaenodes.knime.nodes;

import org.knime.core.node.InvalidSettingsException;
import org.vaenodes.engine.image.GridBounds;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;
import org.vaenodes.engine.memory.NotEnoughMemoryException;
import org.vaenodes.engine.model.VaeConfig;

/** The engine's memory check inside KNIME: KNIME's limits, advice in knime.ini terms, KNIME's exception. */
public final class MemoryCheck {

    static final String RAISE_HEAP = "the -Xmx line in knime.ini, e.g. -Xmx16g, then restart KNIME";

    static final String RAISE_NATIVE =
        "a line -Dorg.bytedeco.javacpp.maxphysicalbytes=… in knime.ini, which limits resident memory, heap included";

    private MemoryCheck() {
    }

    /** What this KNIME may use now. */
    public static MemoryBudget budget() {
        return MemoryBudget.current(RAISE_HEAP, RAISE_NATIVE);
    }

    /** Heap per appended number cell: the cell object and its slot in the row. */
    static final long CELL_BYTES = 32;

    /** Heap per PNG cell: at most the raw bytes (one per value, gray or RGB) plus the PNG's own overhead. */
    static long pngBytes(final VaeConfig c) {
        return c.imageValues() + 1024L;
    }

    /** The Encoder: encoder only, latent means (and log-stds) appended per row. */
    public static MemoryEstimate encoder(final VaeConfig c, final boolean logStd) {
        long perRow = CELL_BYTES * c.latentSize() * (logStd ? 2 : 1);
        return MemoryEstimate.inference(c, "The VAE Encoder", true, false, BatchAppender.rowsPerBatch(c.imageValues()),
            perRow, null, true);
    }

    /** The Reconstructor: encoder and decoder, a PNG and an error per row, the comparison grid. */
    public static MemoryEstimate reconstructor(final VaeConfig c, final boolean pixels, final boolean latent,
        final int gridImages) {
        long perRow = pngBytes(c) + CELL_BYTES * (1 + (pixels ? c.imageValues() : 0) + (latent ? c.latentSize() : 0));
        MemoryEstimate e = MemoryEstimate.inference(c, "The VAE Reconstructor", true, true,
            BatchAppender.rowsPerBatch(c.imageValues()), perRow, null, true);
        // originals and reconstructions kept for the grid, then the grid of both and its PNG
        long grid = (long)gridImages * (2L * Float.BYTES * c.imageValues() + 4 * GridBounds.tilePixels(c.height(), c.width()));
        return e.plus(MemoryEstimate.part("the comparison image of " + gridImages + " images", grid, 0,
            "fewer images in the comparison image"));
    }

    /** The Sampler: decoder only, latent values and a PNG per row, the grid. */
    public static MemoryEstimate sampler(final VaeConfig c, final boolean pixels, final int gridImages) {
        long perRow = pngBytes(c) + CELL_BYTES * (c.latentSize() + (pixels ? c.imageValues() : 0));
        MemoryEstimate e = MemoryEstimate.inference(c, "The VAE Sampler", false, true,
            BatchAppender.rowsPerBatch(c.imageValues()), perRow, null, true);
        long grid = (long)gridImages * (Float.BYTES * 2L * c.imageValues() + 2 * GridBounds.tilePixels(c.height(), c.width()));
        return e.plus(MemoryEstimate.part("the image grid of " + gridImages + " images", grid, 0,
            "fewer images"));
    }

    /** @throws InvalidSettingsException with the estimate and what to change when it does not fit */
    public static void check(final MemoryEstimate estimate) throws InvalidSettingsException {
        try {
            estimate.check(budget());
        } catch (NotEnoughMemoryException e) {
            throw new InvalidSettingsException(e.getMessage() + ".", e);
        }
    }
}
