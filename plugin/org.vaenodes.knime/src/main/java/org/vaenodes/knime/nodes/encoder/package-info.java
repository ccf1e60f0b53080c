/**
 * VAE Encoder: appends each image's latent mean (and optionally log standard deviation) to the table.
 */
package org.vaenodes.knime.nodes.encoder;
