/**
 * The VAE Learner's monitor: what a view of a training run shows, kept apart from any UI. {@link
 * org.vaenodes.knime.nodes.learner.monitor.TrainingMonitor} is the data model (curves, progress, the latest
 * snapshot, the stop request), fed from the training thread with a few array writes per iteration and read by a
 * view as an immutable {@link org.vaenodes.knime.nodes.learner.monitor.MonitorState}; {@link
 * org.vaenodes.knime.nodes.learner.monitor.MonitorFiles} stores a finished run in plain files (CSV, properties,
 * PNG). {@link org.vaenodes.knime.nodes.learner.monitor.MonitorPanel} is the Swing rendering (JFreeChart) of a
 * state; a web view could render the same state instead.
 */
package org.vaenodes.knime.nodes.learner.monitor;
