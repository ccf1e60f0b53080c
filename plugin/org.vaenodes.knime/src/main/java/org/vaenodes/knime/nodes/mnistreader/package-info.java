/**
 * MNIST Reader: the built-in MNIST test set, local IDX files (gzip or raw), or a download with MD5 check, as a table
 * of a label, a PNG image and pixel columns.
 */
package org.vaenodes.knime.nodes.mnistreader;
