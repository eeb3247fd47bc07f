package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Interrupt#onNext()} as tutorial 06 uses it: take the future, then press the button at
 * once. The design's INTC inputs are edge-sensitive here, as in PYNQ's base designs
 * ({@code C_KIND_OF_INTR} all ones, PG099): the INTC latches the press once, so the press must
 * complete the future however late the waiter thread starts.
 */
class InterruptOnNextTest {
    @TempDir
    Path dir;
    private final Executor original = Interrupt.waiters;
    private Overlay ol;
    private SimDevice dev;
    private Interrupt irq;

    @BeforeEach
    void loadWithEdgeSensitiveInputs() throws Exception {
        Path design = Files.createDirectories(dir.resolve("edge"));
        String hwh = Files.readString(DspLoopback.hwh(), StandardCharsets.UTF_8)
                .replace("NAME=\"C_KIND_OF_INTR\" VALUE=\"0xFFFFFFF0\"", "NAME=\"C_KIND_OF_INTR\" VALUE=\"0xFFFFFFFF\"");
        Files.writeString(design.resolve("dsp_edge.hwh"), hwh, StandardCharsets.UTF_8);
        Files.copy(DspLoopback.bit(), design.resolve("dsp_edge.bit"));
        dev = SimBoards.open(dir, 64);
        ol = Overlay.load(design.resolve("dsp_edge.bit").toString(), LoadOptions.defaults().withDevice(dev));
        ol.ip("axi_gpio_0").write(0x11C, 0x8000_0000L); // PG144 GIER
        ol.ip("axi_gpio_0").write(0x128, 2);            // PG144 IP_IER: channel 2
        irq = ol.interrupt("axi_gpio_0/ip2intc_irpt");
    }

    @AfterEach
    void restore() {
        Interrupt.waiters = original;
    }

    private void press(int level) {
        dev.withModels(() -> dev.model("axi_gpio_0", AxiGpioModel.class).setInput(2, level));
    }

    @Test
    void aPressBeforeTheWaiterThreadRunsCompletesTheFuture() throws Exception {
        Interrupt.waiters = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS, original);
        CompletableFuture<Void> f = irq.onNext();
        press(0b01);
        f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPressHandledBeforeOnNextIsNotTheNextOne() throws Exception {
        press(0b01);
        ol.ip("axi_gpio_0").write(0x120, 2); // PG144 IP_ISR toggle-on-write: handled
        CompletableFuture<Void> f = irq.onNext();
        Thread.sleep(200);
        assertFalse(f.isDone(), "a press handled before onNext() is not the next one");
        f.cancel(true);
    }
}
