/**
 * Between KNIME tables and the engine's float images: which columns hold the pixels (the column filter that means
 * the same to node and dialog), pixel column naming and image size properties, reading rows into batches, PNG cells.
 */
package org.vaenodes.knime.table;
