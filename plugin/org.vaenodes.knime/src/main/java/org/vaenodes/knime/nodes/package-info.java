/**
 * What the five VAE nodes share: the stateless node model base, the settings group that saves, validates and loads
 * a node's settings models together, the batch appender that turns a table into engine batches and back, and
 * small helpers (cancel checks, progress fractions, model port access). Each node lives in its own sub-package with
 * its factory, model, dialog and node description, as in KNIME's own node packages.
 */
package org.vaenodes.knime.nodes;
