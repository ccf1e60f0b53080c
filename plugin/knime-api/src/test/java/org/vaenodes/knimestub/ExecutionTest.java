package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeLogger;

class ExecutionTest {

    @Test
    void progressAndMessagesAreRecorded() {
        ExecutionContext exec = StubContexts.newExecutionContext();
        exec.setProgress(0.1, "Loading");
        exec.setMessage("Epoch 1");
        exec.setProgress(0.5);
        exec.setProgress(2.0, () -> "done");
        RecordingProgressMonitor rec = StubContexts.progress(exec);
        assertEquals(List.of(0.1, 0.5, 1.0), rec.progressHistory());
        assertEquals(List.of("Loading", "Epoch 1", "done"), rec.messageHistory());
        assertEquals(1.0, rec.getProgress());
        assertEquals("done", rec.getMessage());
    }

    @Test
    void subProgressMapsOntoItsShare() {
        ExecutionContext exec = StubContexts.newExecutionContext();
        ExecutionContext train = exec.createSubExecutionContext(0.8);
        ExecutionMonitor write = exec.createSubProgress(0.2);
        train.setProgress(0.5, "half trained");
        train.setProgress(1.0);
        write.setProgress(0.5);
        RecordingProgressMonitor rec = StubContexts.progress(exec);
        assertEquals(0.9, rec.getProgress(), 1e-9);
        assertEquals(List.of("half trained"), rec.messageHistory());
        ExecutionMonitor silent = exec.createSilentSubProgress(0.0);
        silent.setProgress(0.3, "not shown");
        assertEquals(List.of("half trained"), rec.messageHistory());
        assertThrows(IllegalArgumentException.class, () -> exec.createSubProgress(1.5));
    }

    @Test
    void cancelFlagReachesSubContexts() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        ExecutionContext sub = exec.createSubExecutionContext(0.5);
        ExecutionMonitor nonCancelable = exec.createNonCancelableSubProgress();
        exec.checkCanceled();
        StubContexts.cancel(exec);
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
        assertDoesNotThrow(nonCancelable::checkCanceled);
        assertTrue(StubContexts.progress(exec).isCancelRequested());
    }

    @Test
    void monitorCanCancelItselfAtAProgressOrAfterChecks() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext(new RecordingProgressMonitor().cancelAtProgress(0.5));
        exec.setProgress(0.4);
        exec.checkCanceled();
        exec.setProgress(0.6);
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);

        ExecutionContext exec2 = StubContexts.newExecutionContext(new RecordingProgressMonitor().cancelAfterChecks(2));
        exec2.checkCanceled();
        exec2.checkCanceled();
        assertThrows(CanceledExecutionException.class, exec2::checkCanceled);
        assertEquals(3, StubContexts.progress(exec2).cancelChecks());
    }

    @Test
    void plainKnimeApiWorksToo() {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        ExecutionMonitor em = new ExecutionMonitor(mon);
        em.setProgress(0.25, "quarter");
        assertEquals(0.25, mon.getProgress());
        assertEquals("quarter", mon.getMessage());
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, em::checkCanceled);
        mon.reset();
        assertDoesNotThrow(em::checkCanceled);
    }

    @Test
    void loggerGoesToJavaUtilLogging() {
        try (StubLogs.Capture logs = StubLogs.capture()) {
            NodeLogger log = NodeLogger.getLogger(ExecutionTest.class);
            log.debug("d");
            log.warn("careful");
            log.error(() -> "lazy error");
            assertEquals(List.of("d"), logs.messages(Level.FINE));
            assertEquals(List.of("careful"), logs.messages(Level.WARNING));
            assertEquals(List.of("lazy error"), logs.messages(Level.SEVERE));
        }
        assertFalse(NodeLogger.getLogger("x").isDebugEnabled());
    }
}
