package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.metadata.HwhParser;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a handle (Mmio, driver, register space) of a design the PL no longer holds fails at
 * its next access, naming what the PL holds now and since when, whichever process replaced it;
 * on a board, those addresses would reach the other design's IP.
 */
class StaleHandleTest {
    @TempDir
    Path dir;

    @Test
    void anMmioOfAReplacedDesignFailsNamingTheNewDesign() {
        Path state = dir.resolve("board");
        try (SimDevice mine = SimDevice.open(SimConfig.at(state)); SimDevice other = SimDevice.open(SimConfig.at(state))) {
            mine.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            Mmio bram = new Mmio(mine, DspLoopback.BRAM, 0x2000, "axi_bram_ctrl_0");  // the plain-memory fast path
            Mmio gpio = new Mmio(mine, DspLoopback.GPIO, 0x10000, "axi_gpio_0");      // a model
            bram.write32(0, 7);
            assertEquals(7, bram.read32(0));
            gpio.write32(0, 1);

            Path tiny = SimDownloadStressTest.tinyBit(dir);
            other.download(tiny, HwhParser.parse(SimDownloadStressTest.tinyHwh()), false);

            for (Runnable access : new Runnable[] {() -> bram.read32(0), () -> bram.write32(0, 1),
                    () -> gpio.read32(0), () -> gpio.write32(0, 1), () -> bram.space().read8(0)}) {
                DeviceException e = assertThrows(DeviceException.class, access::run);
                String m = e.getMessage();
                assertTrue(m.contains("dsp_loopback.bit") && m.contains("no longer holds"), m);
                assertTrue(m.contains("it holds " + tiny.toAbsolutePath().normalize() + " since "
                        + other.plState().timestamp()), m);
            }
            assertEquals(0, new Mmio(mine, DspLoopback.BRAM, 0x2000, null).read32(0),
                    "a new handle reaches the design the PL holds now");
        }
    }

    @Test
    void aDriverOfAnOverlayReplacedByAnotherProcessFails() {
        Overlay ol = SimBoards.dspLoopback(dir);
        DefaultIp gpio = ol.ip("axi_gpio_0");
        AxiGpio leds = ol.ip("axi_gpio_0", AxiGpio.class);
        gpio.write(0, 3);
        try (SimDevice other = SimDevice.open(((SimDevice) ol.device()).config())) {
            other.download(DspLoopback.bit(), DspLoopback.metadata(), false);  // even the same design, downloaded again
        }
        DeviceException e = assertThrows(DeviceException.class, () -> gpio.read(0));
        assertTrue(e.getMessage().contains("axi_gpio_0") && e.getMessage().contains("since"), e.getMessage());
        assertThrows(DeviceException.class, () -> leds.channel1().write(1));
        IllegalStateException notLoaded = assertThrows(IllegalStateException.class, () -> ol.ip("axi_gpio_0"));
        assertTrue(notLoaded.getMessage().contains("since"), notLoaded.getMessage());
        ol.download();
        ol.ip("axi_gpio_0").write(0, 3);
        assertEquals(3, ol.ip("axi_gpio_0").read(0));
    }

    /**
     * An IP handed out before another process downloaded and used after, once this process has
     * met the new design, must not reach the new design's IP at the same address: both designs
     * have an axi_gpio_0 at 0x41200000 (the interleaving KernelTwoKernelsIT runs 200 times).
     */
    @Test
    void anIpFirstUsedAfterAnotherDesignWasDownloadedIsRefusedNotMappedOntoIt() {
        Overlay ol = SimBoards.dspLoopback(dir);
        DefaultIp gpio = ol.ip("axi_gpio_0");  // handed out, not used yet: nothing mapped
        Path tiny = SimDownloadStressTest.tinyBit(dir);
        try (SimDevice other = SimDevice.open(((SimDevice) ol.device()).config())) {
            other.download(tiny, HwhParser.parse(SimDownloadStressTest.tinyHwh()), false);
            Mmio theirs = new Mmio(other, DspLoopback.GPIO, 0x10000, "axi_gpio_0");  // the other design's GPIO
            theirs.write32(4, 0);  // GPIO_TRI: outputs, so DATA reads back the latch
            theirs.write32(0, 9);
        }
        // this process meets the new design (a fresh handle of its own attaches to it) before the old IP's first use
        assertEquals(9, new Mmio(ol.device(), DspLoopback.GPIO, 0x10000, null).read32(0) & 0xF);
        DeviceException e = assertThrows(DeviceException.class, () -> gpio.read(0));
        assertTrue(e.getMessage().contains("axi_gpio_0") && e.getMessage().contains("no longer holds")
                && e.getMessage().contains("tiny_zynq.bit"), e.getMessage());
        assertThrows(DeviceException.class, () -> gpio.write(0, 1), "still refused, nothing was cached");
    }
}
