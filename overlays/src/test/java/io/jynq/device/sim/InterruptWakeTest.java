package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.IrqLine;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.ip.AxiIntcLayout;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A switch flips: AXI GPIO interrupt, through xlconcat and the AXI INTC, to IRQ 61, waking a waiting thread. */
class InterruptWakeTest {
    @TempDir
    Path dir;
    SimDevice board;
    RegisterSpace gpio;
    RegisterSpace intc;
    IrqLine line;

    @BeforeEach
    void load() {
        board = DspLoopback.board(dir);
        gpio = board.map(DspLoopback.GPIO, 0x10000);
        intc = board.map(DspLoopback.INTC, 0x10000);
        line = board.irq(DspLoopback.RAW_IRQ);
        // what PYNQ's AxiGPIO and interrupt controller set up
        gpio.write32(AxiGpioLayout.GIER, AxiGpioLayout.GIER_ENABLE);
        gpio.write32(AxiGpioLayout.IP_IER, AxiGpioLayout.CHANNEL2_INT);
        intc.write32(AxiIntcLayout.IER, 1 << 2);
        intc.write32(AxiIntcLayout.MER, AxiIntcLayout.MER_ME | AxiIntcLayout.MER_HIE);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void switchChangeWakesAWaiterOnTheIrqLine() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> line.await(Duration.ofSeconds(10)));
        Thread.sleep(50);
        assertFalse(waiter.isDone(), "nothing happened yet");
        Sim.class.getName();  // the notebook way would be Sim.model(...); here the board is not the active device
        board.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b01);
        assertTrue(waiter.get(5, TimeUnit.SECONDS), "woken by the switch");
        assertEquals(2, intc.read32(AxiIntcLayout.IVR), "input 2: the GPIO");
        assertEquals(0b01, gpio.read32(AxiGpioLayout.GPIO2_DATA));
    }

    @Test
    void awaitTimesOutWhenNothingHappens() {
        long t0 = System.nanoTime();
        assertFalse(line.await(Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - t0 >= 90_000_000L);
    }

    @Test
    void awaitIsInterruptible() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                line.await(Duration.ofSeconds(30));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(50);
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive());
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
    }

    @Test
    void unwiredIrqNamesTheWiredOnes() {
        var e = assertThrows(io.jynq.device.DeviceException.class, () -> board.irq(62));
        assertTrue(e.getMessage().contains("[61]"), e.getMessage());
    }
}
