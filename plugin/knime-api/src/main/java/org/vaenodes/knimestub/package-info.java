/**
 * Test helpers for the KNIME API stand-in that KNIME itself does not have: execution contexts with recorded
 * progress and a cancel switch, tables from rows, a driver for the protected methods of node models, factories
 * and dialogs, port object round trips and log capture. Only the org.knime classes are stand-ins for KNIME; code
 * in this package must never be referenced from shipped plugin classes (it does not exist inside KNIME).
 */
package org.vaenodes.knimestub;
