package org.vaenodes.knimestub;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

class ExecutionTest {

    @Test
    void progressAndMessagesAreRecorded() {
        ExecutionContext exec = StubContexts.newExecutionContext();
        exec.setProgress(0.1, () -> "Loading");
        exec.setMessage("Epoch 1");
        exec.setProgress(0.5);
        exec.setProgress(2.0, () -> "done");
        RecordingProgressMonitor rec = StubContexts.progress(exec);
        assertEquals(List.of("Loading", "Epoch 1", "done"), rec.messageHistory());
        assertEquals(1.0, rec.getProgress(), "progress is clamped to [0, 1]");
    }

    @Test
    void subProgressMapsOntoItsShare() {
        ExecutionContext exec = StubContexts.newExecutionContext();
        ExecutionMonitor train = exec.createSubProgress(0.8);
        ExecutionMonitor write = exec.createSubProgress(0.2);
        train.setProgress(0.5, () -> "half trained");
        train.setProgress(1.0);
        write.setProgress(0.5);
        RecordingProgressMonitor rec = StubContexts.progress(exec);
        assertEquals(0.9, rec.getProgress(), 1e-9);
        assertEquals(List.of("half trained"), rec.messageHistory());
        write.createSubProgress(0.5).setProgress(1.0);
        assertEquals(1.0, rec.getProgress(), 1e-9, "a sub-progress of a sub-progress maps onto its parent's share");
        assertThrows(IllegalArgumentException.class, () -> exec.createSubProgress(1.5));
    }

    @Test
    void cancelFlagReachesSubProgress() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext();
        ExecutionMonitor sub = exec.createSubProgress(0.5);
        exec.checkCanceled();
        sub.checkCanceled();
        StubContexts.cancel(exec);
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
    }

    @Test
    void monitorCanCancelItselfAfterChecks() throws Exception {
        ExecutionContext exec = StubContexts.newExecutionContext(new RecordingProgressMonitor().cancelAfterChecks(2));
        exec.checkCanceled();
        exec.checkCanceled();
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertEquals(3, StubContexts.progress(exec).cancelChecks());
    }

    @Test
    void plainKnimeApiWorksToo() {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        ExecutionMonitor em = new ExecutionMonitor(mon);
        assertDoesNotThrow(em::checkCanceled);
        em.setProgress(0.25, () -> "quarter");
        assertEquals(0.25, mon.getProgress());
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, em::checkCanceled);
    }
}
