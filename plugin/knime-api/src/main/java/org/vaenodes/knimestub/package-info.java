/**
 * Test helpers for the KNIME API stand-in that KNIME itself does not have: execution contexts with recorded
 * messages and a cancel switch, tables from rows, a driver for the protected methods of node models, factories
 * and dialogs, and port object round trips. Only the org.knime classes are stand-ins for KNIME; code
 * in this package must never be referenced from shipped plugin classes (it does not exist inside KNIME).
 */
package org.vaenodes.knimestub;
