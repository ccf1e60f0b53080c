package org.vaenodes.engine.model;

/** How the decoder's output is compared with the input image. */
public enum ReconstructionLoss {
    /** Sum over pixels of the squared difference, as in the seed model. */
    SUM_SQUARED,
    /** Sum over pixels of the Bernoulli cross-entropy, computed from the logits for numerical stability. */
    BERNOULLI
}
