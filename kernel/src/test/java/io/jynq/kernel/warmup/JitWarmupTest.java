package io.jynq.kernel.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.kernel.JynqKernel;
import io.jynq.kernel.history.SessionHistory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The warm-up's own loop, in process; KernelJitWarmupIT checks it beside a real session. */
class JitWarmupTest {
    private final JynqKernel kernel = new JynqKernel(null, List.of(), SessionHistory.inMemory());

    @Test
    void everySampleCellCompilesAndFailsOnlyWhereItIsMeantTo() {
        // a sample cell that stopped compiling (an import or API change) would warm the error path only
        JitWarmup warmup = new JitWarmup(kernel::newEvaluator, () -> Long.MAX_VALUE, 1);
        warmup.run();
        assertEquals(WarmupCells.CELLS.size(), warmup.cellsRun());
        assertEquals(0, warmup.unexpected(), "see the log for the cell");
        assertTrue(warmup.finished());
    }

    @Test
    void noCellRunsWhileTheKernelHandlesARequestAndAnInterruptEndsIt() throws InterruptedException {
        AtomicLong quiet = new AtomicLong(0); // a request is being handled
        JitWarmup warmup = new JitWarmup(kernel::newEvaluator, quiet::get, 1);
        Thread t = new Thread(warmup, "warmup-under-test");
        t.start();
        Thread.sleep(1500);
        assertEquals(0, warmup.cellsRun());
        t.interrupt(); // the kernel's shutdown ends a daemon thread; an interrupt ends it too
        t.join(60_000);
        assertFalse(t.isAlive());
        assertTrue(warmup.finished());
        assertEquals(0, warmup.cellsRun());
    }

    @Test
    void itResumesWhenTheKernelHasBeenQuietLongEnough() throws InterruptedException {
        AtomicLong quiet = new AtomicLong(JitWarmup.QUIET.toNanos() - 1);
        JitWarmup warmup = new JitWarmup(kernel::newEvaluator, quiet::get, 1);
        Thread t = new Thread(warmup, "warmup-under-test");
        t.start();
        Thread.sleep(500);
        assertEquals(0, warmup.cellsRun(), "ran before the quiet spell was long enough");
        quiet.set(JitWarmup.QUIET.toNanos());
        t.join(300_000);
        assertEquals(WarmupCells.CELLS.size(), warmup.cellsRun());
    }

    @Test
    void itIsOnByDefaultOnAWorkstationAndOffOnABoard() {
        // os.arch as OpenJDK names it on a PC, a ZynqMP (KV260, Ultra96) and a Zynq-7000 (PYNQ-Z2)
        assertTrue(JitWarmup.onByDefault("amd64"));
        assertFalse(JitWarmup.onByDefault("aarch64"));
        assertFalse(JitWarmup.onByDefault("arm"));
    }
}
