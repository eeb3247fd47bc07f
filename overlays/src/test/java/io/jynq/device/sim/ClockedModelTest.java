package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.IrqLine;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.model.InterruptOut;
import io.jynq.device.sim.model.IpContext;
import io.jynq.device.sim.model.IpModel;
import io.jynq.ip.AxiIntcLayout;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam for clocked models (an RTL co-simulation later): a model that says it is clocked gets
 * {@code advance} calls before register accesses and while software waits on an interrupt.
 */
class ClockedModelTest {
    @TempDir
    Path dir;

    /** Counts cycles; a write of N to 0x10 raises {@code interrupt} N cycles later. */
    static final class CountdownModel implements IpModel {
        private final InterruptOut irq;
        private long cycles;
        private long fireAt = -1;

        CountdownModel(IpContext ctx) {
            irq = ctx.interrupt("interrupt");
        }

        @Override
        public int read(int off) {
            return off == 0x10 ? (int) cycles : 0;
        }

        @Override
        public void write(int off, int value, int strobe) {
            if (off == 0x10) {
                fireAt = cycles + value;
                irq.set(false);
            }
        }

        @Override
        public boolean clocked() {
            return true;
        }

        @Override
        public void advance(long n) {
            cycles += n;
            if (fireAt >= 0 && cycles >= fireAt) {
                irq.set(true);
                fireAt = -1;
            }
        }
    }

    @Test
    void clockedModelsAdvanceOnAccessAndWhileWaiting() {
        Sim.register("xilinx.com:hls:add:1.0", CountdownModel::new);
        try (SimDevice board = DspLoopback.board(dir)) {
            RegisterSpace counter = board.map(DspLoopback.ADD, 0x10000);
            int a = counter.read32(0x10);
            int b = counter.read32(0x10);
            assertTrue(b > a, "time passed between two accesses: " + a + ", " + b);
            RegisterSpace intc = board.map(DspLoopback.INTC, 0x10000);
            intc.write32(AxiIntcLayout.IER, 1 << 3);
            intc.write32(AxiIntcLayout.MER, 3);
            IrqLine line = board.irq(DspLoopback.RAW_IRQ);
            counter.write32(0x10, 100_000);
            assertTrue(line.await(Duration.ofSeconds(20)), "the wait itself let 100000 cycles pass");
            assertEquals(3, intc.read32(AxiIntcLayout.IVR));
        } finally {
            Sim.unregister("xilinx.com:hls:add:1.0");
        }
    }
}
