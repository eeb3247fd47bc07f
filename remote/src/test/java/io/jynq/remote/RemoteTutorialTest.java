package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.DeviceException;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.overlay.Interrupt;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.RemoteDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tutorials' steps (notebooks 01-03) on a simulated board served over loopback: JYNQ's client
 * against JYNQ's server, once with JYNQ's extensions and once speaking plain PYNQ.remote (the
 * server then offers only PYNQ's three services, as a stock PYNQ.remote board does).
 */
class RemoteTutorialTest {

    private static RemoteBoards boards(Path dir, boolean extensions) {
        return new RemoteBoards(dir, io.jynq.remote.server.BoardServer.Options.loopback(dir.resolve("board-root"))
                .withExtensions(extensions));
    }

    @ParameterizedTest(name = "extensions={0}")
    @ValueSource(booleans = {true, false})
    void firLoopbackThroughDmaAsTutorial02(boolean extensions, @TempDir Path dir) {
        try (RemoteBoards b = boards(dir, extensions)) {
            RemoteDevice remote = b.connect();
            assertEquals(extensions, remote.offers("mmio_program"));
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            assertTrue(ol.isLoaded(), "the overlay downloaded through the file calls is loaded");
            assertTrue(b.sim.plState().isProgrammed(), "the served board was programmed");
            for (int k = 0; k < 8; k++) {
                ol.ip("fir_0").registers().write("coef_" + k, 1);
            }
            int n = 2000;
            ContiguousBuffer input = Buffers.allocate(remote, new long[] {n}, DType.INT32, true);
            ContiguousBuffer output = Buffers.allocate(remote, new long[] {n}, DType.INT32, true);
            int[] signal = new Random(7).ints(n, -1000, 1000).toArray();
            input.copyFrom(signal);
            AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
            input.flush();
            dma.recvChannel().transfer(output);
            dma.sendChannel().transfer(input);
            dma.sendChannel().await(Duration.ofSeconds(10));
            dma.recvChannel().await(Duration.ofSeconds(10));
            output.invalidate();
            int[] filtered = new int[n];
            output.copyTo(filtered);
            int[] reference = new int[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 8 && k <= i; k++) {
                    reference[i] += signal[i - k];
                }
            }
            assertArrayEquals(reference, filtered, "FIR output through a remote DMA equals the Java reference");
            input.close();
            output.close();
        }
    }

    @ParameterizedTest(name = "extensions={0}")
    @ValueSource(booleans = {true, false})
    void gpioAndRegistersAsTutorial03(boolean extensions, @TempDir Path dir) {
        try (RemoteBoards b = boards(dir, extensions)) {
            RemoteDevice remote = b.connect();
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            var gpio = ol.ip("axi_gpio_0");
            gpio.write(0x0, 0b1010);
            assertEquals(0b1010, gpio.read(0x0));
            b.sim.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b01);
            assertEquals(0b01, gpio.read(0x8), "switches set on the served board read back remotely");
            assertEquals(100.0, remote.fclkMhz(0), 1e-6, "fclk0 as the design's clock_dict says, read remotely");
        }
    }

    @Test
    void interruptWaitOverTheExtension(@TempDir Path dir) throws Exception {
        try (RemoteBoards b = boards(dir, true)) {
            RemoteDevice remote = b.connect();
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            var regs = ol.ip("axi_gpio_0").registers();
            regs.write("GIER", 0x8000_0000L);
            regs.write("IP_IER", 0b10);
            Interrupt irq = ol.interrupt("axi_gpio_0/ip2intc_irpt");
            var next = irq.onNext();
            b.sim.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b11);
            next.get(20, TimeUnit.SECONDS);
            assertEquals(0b10, regs.read("IP_ISR") & 0b10, "channel 2 raised the interrupt");
        }
    }

    @Test
    void stockServerHasNoInterruptsAndSaysSo(@TempDir Path dir) {
        try (RemoteBoards b = boards(dir, false)) {
            RemoteDevice remote = b.connect();
            DeviceException e = assertThrows(DeviceException.class, () -> remote.irq(61));
            assertTrue(e.getMessage().contains("no interrupts") && e.getMessage().contains(b.address().toString()), e.getMessage());
        }
    }
}
