package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.overlays.BaseOverlay;
import io.jynq.testing.CountingDevice;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers bind on first use (PYNQ's {@code _IPMap}): loading an overlay and making every driver,
 * hierarchy and interrupt of it reads and writes no register of the simulated PL (counted on the
 * bus, every window's fast path hidden); the first call that needs the hardware does it.
 */
class DriversBindOnFirstUseTest {
    @TempDir
    Path dir;

    /** Every driver, hierarchy driver and interrupt the overlay can hand out, as a facade makes them all at load. */
    private static void bindEverything(Overlay ol) {
        for (IpDescription d : ol.ipDict().values()) {
            if (!d.processingSystem()) {
                assertNotNull(ol.ip(d.name()));
            }
        }
        ol.hierarchyDict().keySet().forEach(h -> assertNotNull(ol.hierarchy(h)));
        ol.interruptPins().keySet().forEach(p -> assertNotNull(ol.interrupt(p)));
    }

    @Test
    void dspLoopbackLoadsAndBindsWithoutARegisterAccessThenItsFirstTransferStartsTheDma() {
        CountingDevice bus = CountingDevice.of(SimBoards.open(dir, 64));
        Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(bus.device()));
        bindEverything(ol);
        assertEquals(List.of(), bus.accesses(), "load and binding touched registers");

        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        dma.sendChannel();
        List<String> first = bus.accesses();
        String dmacr = "write32 0x" + Long.toHexString(DspLoopback.DMA) + "+0x" + Integer.toHexString(AxiDmaLayout.DMACR) + " = ";
        assertTrue(first.stream().anyMatch(a -> a.startsWith(dmacr)
                && (Integer.parseInt(a.substring(dmacr.length())) & AxiDmaLayout.DMACR_RS) != 0), "DMACR.RS on first use: " + first);
        assertTrue(first.stream().allMatch(a -> a.contains(" 0x" + Long.toHexString(DspLoopback.DMA) + "+")),
                "only the DMA is touched: " + first);

        HlsIp fir = ol.ip("fir_0", HlsIp.class);
        fir.registers().write("coef_0", 1); // an identity FIR
        for (int k = 1; k < 8; k++) {
            fir.registers().write("coef_" + k, 0);
        }
        int[] x = {5, -7, 11, 13};
        try (ContiguousBuffer in = Buffers.allocate(ol.device(), new long[] {4}, DType.INT32, false);
             ContiguousBuffer out = Buffers.allocate(ol.device(), new long[] {4}, DType.INT32, false)) {
            in.copyFrom(x);
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.sendChannel().await(Duration.ofSeconds(5));
            dma.recvChannel().await(Duration.ofSeconds(5));
            int[] y = new int[4];
            out.copyTo(y);
            assertArrayEquals(x, y, "the lazily bound DMA moves data through the FIR");
        }
    }

    @Test
    void thePynqZ1BaseDesignLoadsAndBindsWithoutARegisterAccess() {
        CountingDevice bus = CountingDevice.of(SimBoards.open(dir, 32));
        Overlay ol = new Overlay(SharedData.bit("pynqz1_base.bit").toString(),
                LoadOptions.defaults().withDevice(bus.device()).withHwh(SharedData.hwh("pynqz1_base.hwh")));
        bindEverything(ol);
        assertEquals(List.of(), bus.accesses(), "load and binding touched registers");

        AxiGpio leds = ol.ip("leds_gpio", AxiGpio.class);
        leds.channel1().setDirection("out");
        leds.channel1().write(0b1010, 0xF);
        assertEquals(0b1010, leds.channel1().read() & 0xF, "the first use binds and drives the LEDs");
        assertTrue(bus.accesses().stream().allMatch(a -> a.contains(" 0x" + Long.toHexString(leds.physicalAddress()) + "+")),
                "only the LEDs' GPIO is touched: " + bus.accesses());
    }

    @Test
    void aBaseOverlayTouchesNoRegisterUntilAPinIsUsed() {
        CountingDevice bus = CountingDevice.of(SimBoards.open(dir, 32));
        BaseOverlay base = new BaseOverlay(SharedData.bit("pynqz1_base.bit").toString(),
                LoadOptions.defaults().withDevice(bus.device()).withHwh(SharedData.hwh("pynqz1_base.hwh")));
        assertEquals(4, base.leds.size());
        assertEquals(List.of(), bus.accesses(), "BaseOverlay's constructor touched registers");

        base.leds.get(1).on();
        long leds = base.ipDict().get("leds_gpio").physAddr();
        assertEquals(0b0010, base.ip("leds_gpio", AxiGpio.class).channel1().read() & 0xF);
        assertTrue(bus.accesses().contains("write32 0x" + Long.toHexString(leds) + "+0x4 = 0"),
                "the LEDs become outputs (GPIO_TRI = 0) on their first use: " + bus.accesses());
        assertEquals(0, base.buttons.get(0).read(), "a button reads as an input");
    }
}
