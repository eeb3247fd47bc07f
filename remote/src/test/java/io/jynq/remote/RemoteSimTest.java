package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Device;
import io.jynq.device.Devices;
import io.jynq.device.sim.Sim;
import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.sim.model.AxiDmaModel;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.device.sim.model.AxiIntcModel;
import io.jynq.device.sim.model.HlsModel;
import io.jynq.mmio.RegisterMap;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.overlay.Interrupt;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's controls on a remote simulated board: tutorial 03's cells
 * ({@code Sim.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b11)} raising the GPIO's
 * interrupt) with {@code JYNQ_DEVICE=remote:...} against a board server with {@code --device sim},
 * checked against the served board's own model; and clear refusals from a stock PYNQ.remote
 * server and from a board whose backend is not the simulator.
 */
class RemoteSimTest {

    @AfterEach
    void forgetActive() {
        Devices.setActive(null);
    }

    @Test
    void tutorial03SimCellsDriveTheServedBoardsModels(@TempDir Path dir) throws Exception {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            RemoteDevice remote = b.connect();
            Devices.setActive(remote);
            assertTrue(remote.offers("sim"));
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            RegisterMap gpio = ol.ip("axi_gpio_0").registers();
            gpio.write("GIER", 0x8000_0000L);
            gpio.write("IP_IER", 0b10);
            Interrupt irq = ol.interrupt("axi_gpio_0/ip2intc_irpt");
            CompletableFuture<?> next = irq.onNext();

            Sim.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b11);

            next.get(30, TimeUnit.SECONDS);
            assertEquals(0b11, b.sim.model("axi_gpio_0", AxiGpioModel.class).input(2), "the board's own model changed");
            assertEquals(0b11, gpio.read("GPIO2_DATA"), "the switches read back through remote MMIO");
            assertEquals(0b11, Sim.model("axi_gpio_0", AxiGpioModel.class).input(2), "a getter answers from the board");

            // an abstract model class stands in as well, and Sim.run reaches the board's clock
            Sim.model("add_0", HlsModel.class).setLatencyReads(3);
            assertEquals(3, b.sim.model("add_0", HlsModel.class).latencyReads());
            Sim.run(100);

            // RTL co-simulation stays in the simulating process: a refusal that says so, the board intact
            IllegalStateException rtl = assertThrows(IllegalStateException.class, () -> Sim.rtl("fir_0", dir.resolve("fir.core")));
            assertTrue(rtl.getMessage().contains("on the network") && rtl.getMessage().contains("Sim.rtl")
                    && rtl.getMessage().contains("JYNQ_DEVICE=sim"), rtl.getMessage());
            IllegalStateException trace = assertThrows(IllegalStateException.class, () -> Sim.trace("fir_0", dir.resolve("fir.vcd")));
            assertTrue(trace.getMessage().contains("Sim.trace"), trace.getMessage());
            assertEquals(0b11, Sim.model("axi_gpio_0", AxiGpioModel.class).input(2), "the board is as before");

            // an overlay package's rtlCore: the board kept fir_0's Java model without a word (tutorial 08 over remote)
            io.jynq.device.DeviceException rtlCore = assertThrows(io.jynq.device.DeviceException.class,
                    () -> remote.simulateRtl("fir_0", dir.resolve("rtl/gain.core"), java.util.List.of(dir)));
            assertTrue(rtlCore.getMessage().contains("fir_0") && rtlCore.getMessage().contains("gain.core")
                    && rtlCore.getMessage().contains("JYNQ_DEVICE=sim"), rtlCore.getMessage());

            RuntimeException noIp = assertThrows(RuntimeException.class, () -> Sim.model("nope_0", AxiGpioModel.class));
            assertTrue(noIp.getMessage().contains("no IP \"nope_0\"") && noIp.getMessage().contains("axi_gpio_0"), noIp.getMessage());
            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                    () -> Sim.model("axi_gpio_0", AxiIntcModel.class));
            assertTrue(wrongType.getMessage().contains("AxiGpioModel"), wrongType.getMessage());
            RuntimeException badArg = assertThrows(RuntimeException.class,
                    () -> Sim.model("axi_gpio_0", AxiGpioModel.class).setInput(7, 1));
            assertTrue(badArg.getMessage().contains("Sim.model(\"axi_gpio_0\").setInput"), badArg.getMessage());
        }
    }

    @Test
    void theDmaModelStandsInAfterATransferThroughTheServedBoard(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            RemoteDevice remote = b.connect();
            Devices.setActive(remote);
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            ContiguousBuffer in = Buffers.allocate(remote, new long[] {300}, DType.INT32, true);
            ContiguousBuffer out = Buffers.allocate(remote, new long[] {300}, DType.INT32, true);
            AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
            in.flush();
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.recvChannel().await(Duration.ofSeconds(10));

            // AxiDmaModel was final, so no stand-in could be made ("is final" error)
            AxiDmaModel model = Sim.model("axi_dma_0", AxiDmaModel.class);
            assertEquals(1200, model.lastTransferBytes(false), "S2MM bytes of the last transfer, read on the board");
            assertEquals(b.sim.model("axi_dma_0", AxiDmaModel.class).lastTransferBytes(true), model.lastTransferBytes(true));
            assertEquals(ol.ip("axi_dma_0").registers().read("S2MM_DMASR"), model.read(0x34) & 0xFFFF_FFFFL,
                    "the model's DMASR equals the register read through remote MMIO");
            in.close();
            out.close();
        }
    }

    @Test
    void aStockPynqRemoteServerRefusesWithAClearMessage(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("board-root")).withExtensions(false))) {
            RemoteDevice remote = b.connect();
            Devices.setActive(remote);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sim.model("axi_gpio_0", AxiGpioModel.class));
            assertTrue(e.getMessage().contains("stock PYNQ.remote server") && e.getMessage().contains("--device sim"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> Sim.run(1));
            assertEquals(false, remote.simulateRtl("fir_0", dir.resolve("gain.core"), java.util.List.of()),
                    "a stock server's PL holds the IP itself: an rtlCore has nothing to do there");
        }
    }

    @Test
    void aBoardWithAnotherBackendRefusesWithAClearMessage(@TempDir Path dir) {
        try (RemoteBoards sim = new RemoteBoards(dir.resolve("sim"))) {
            // the simulated board disguised as another backend: a Device that is no SimControls
            Device embedded = (Device) Proxy.newProxyInstance(Device.class.getClassLoader(), new Class<?>[] {Device.class},
                    (proxy, m, args) -> m.getName().equals("name") ? "embedded" : m.invoke(sim.sim, args));
            try (BoardServer server = BoardServer.start(embedded, BoardServer.Options.loopback(dir.resolve("root")))) {
                RemoteDevice remote = RemoteDevice.connect(new io.jynq.remote.client.BoardAddress("127.0.0.1", server.port()),
                        io.jynq.remote.client.BoardConnection.Settings.PLAIN);
                try {
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> remote.model("axi_gpio_0", AxiGpioModel.class));
                    assertTrue(e.getMessage().contains("'embedded' backend") && e.getMessage().contains("--device sim"), e.getMessage());
                } finally {
                    remote.close();
                }
            }
        }
    }

    @Test
    void embeddedInProcessIsNoSimulatedBoard() {
        Device notSim = (Device) Proxy.newProxyInstance(Device.class.getClassLoader(), new Class<?>[] {Device.class},
                (proxy, m, args) -> m.getName().equals("name") ? "embedded" : null);
        Devices.setActive(notSim);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sim.model("axi_gpio_0", AxiGpioModel.class));
        assertTrue(e.getMessage().contains("'embedded'"), e.getMessage());
    }
}
