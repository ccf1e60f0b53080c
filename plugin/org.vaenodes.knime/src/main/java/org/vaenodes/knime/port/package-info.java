/**
 * The VAE Model port type: its spec (image size, latent size, architecture, known at configure time) and its
 * object (the trained model, stored with the engine's model file format).
 */
package org.vaenodes.knime.port;
