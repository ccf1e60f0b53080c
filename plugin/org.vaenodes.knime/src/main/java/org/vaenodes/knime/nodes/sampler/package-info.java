/**
 * VAE Sampler: decodes random latent vectors, an interpolation or a traversal grid into images (table and image
 * port).
 */
package org.vaenodes.knime.nodes.sampler;
