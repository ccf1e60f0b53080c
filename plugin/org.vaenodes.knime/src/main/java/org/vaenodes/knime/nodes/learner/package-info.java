/**
 * VAE Learner: trains a convolutional VAE on the images of a table; outputs the VAE Model port and the training
 * statistics. The settings class maps the dialog's settings models onto the engine's configuration.
 */
package org.vaenodes.knime.nodes.learner;
