/**
 * VAE Reconstructor: encodes and decodes each image, appending the reconstruction (PNG, optionally pixels and latent
 * means) and its error; the image port shows originals above reconstructions.
 */
package org.vaenodes.knime.nodes.reconstructor;
