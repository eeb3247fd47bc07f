package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.PlState;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.IpDescription;
import io.jynq.testing.Designs;
import io.jynq.testing.ScriptedDevice;
import io.jynq.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {
    @TempDir
    Path dir;
    private final ScriptedDevice dev = new ScriptedDevice();

    private Overlay overlay(String hwhText, LoadOptions options) {
        return Overlay.of(Designs.placeholderBit(dir, "dsp_loopback.bit"), Designs.parse(hwhText, "dsp_loopback.hwh"),
                options.withDevice(dev));
    }

    @Test
    void driversAreCreatedLazilyAndCached() {
        Overlay ol = overlay(Designs.dspLoopbackHwh(), LoadOptions.defaults());
        assertTrue(dev.traffic().isEmpty());
        DefaultIp gpio = ol.ip("axi_gpio_0");
        assertSame(gpio, ol.ip("axi_gpio_0"));
        assertSame(gpio, ol.ip("axi_gpio_0", AxiGpio.class));
    }

    @Test
    void aVersionMismatchBindsOnlyWithIgnoreVersion() {
        String hwh = Designs.dspLoopbackHwh().replace("xilinx.com:ip:axi_gpio:2.0", "xilinx.com:ip:axi_gpio:2.1");
        assertEquals(DefaultIp.class, overlay(hwh, LoadOptions.defaults()).ip("axi_gpio_0").getClass());
        assertInstanceOf(AxiGpio.class, overlay(hwh, LoadOptions.defaults().withIgnoreVersion()).ip("axi_gpio_0"));
        assertInstanceOf(AxiGpio.class, overlay(hwh, LoadOptions.defaults()).ip("axi_gpio_0", AxiGpio.class));
    }

    @Test
    void aDmaTheDriverCannotDriveFallsBackToDefaultIpAndAScatterGatherOneBinds() {
        String hwh = Designs.dspLoopbackHwh().replaceAll("(?i)(\"c_sg_length_width\" VALUE=)\"\\d+\"", "$1\"30\"");
        Overlay ol = overlay(hwh, LoadOptions.defaults());
        assertEquals(DefaultIp.class, ol.ip("axi_dma_0").getClass());
        UnsupportedConfigurationException e = assertThrows(UnsupportedConfigurationException.class,
                () -> ol.ip("axi_dma_0", AxiDma.class));
        assertTrue(e.getMessage().contains("C_SG_LENGTH_WIDTH=30 is outside PG021's 8..26"), e.getMessage());
        String sg = Designs.dspLoopbackHwh().replaceAll("(?i)(\"c_include_sg\" VALUE=)\"0\"", "$1\"1\"");
        assertEquals(AxiDma.class, overlay(sg, LoadOptions.defaults()).driverClass("axi_dma_0"), "scatter-gather is driven now");
    }

    @Test
    void notLoadedAfterAnotherDownloadUntilDownloadedAgain() {
        Overlay ol = overlay(Designs.dspLoopbackHwh(), LoadOptions.defaults());
        assertTrue(ol.isLoaded());
        DefaultIp before = ol.ip("add_0");
        dev.setPlState(new PlState("/elsewhere/other.bit", Instant.now().plusSeconds(5), "", false));
        assertFalse(ol.isLoaded());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ol.ip("add_0"));
        assertTrue(e.getMessage().contains("is not loaded in the PL (it holds /elsewhere/other.bit"), e.getMessage());
        assertEquals(6, ol.ipDict().size() - 1);
        ol.download();
        assertTrue(ol.isLoaded());
        assertFalse(before == ol.ip("add_0"));
        assertTrue(ol.toString().endsWith("loaded]"));
    }

    @Test
    void withoutDownloadTheOverlayIsNotLoaded() {
        Overlay ol = overlay(Designs.dspLoopbackHwh(), LoadOptions.defaults().withoutDownload());
        assertFalse(ol.isLoaded());
        assertTrue(dev.downloads().isEmpty());
        assertThrows(IllegalStateException.class, () -> ol.ip("add_0"));
        ol.download();
        assertEquals(1, dev.downloads().size());
        assertTrue(ol.isLoaded());
    }

    @Test
    void missesListWhatExists() {
        Overlay ol = overlay(Designs.dspLoopbackHwh(), LoadOptions.defaults());
        NoSuchElementException ip = assertThrows(NoSuchElementException.class, () -> ol.ip("axi_dma_1"));
        assertTrue(ip.getMessage().contains("axi_dma_0"), ip.getMessage());
        NoSuchElementException pin = assertThrows(NoSuchElementException.class, () -> ol.interrupt("nope"));
        assertTrue(pin.getMessage().contains("axi_gpio_0/ip2intc_irpt"), pin.getMessage());
        assertThrows(NoSuchElementException.class, () -> ol.ip("axi_dma_0").interrupt("introut"));
    }

    @Test
    void describeListsEachIpWithItsDriver() {
        String d = overlay(Designs.dspLoopbackHwh(), LoadOptions.defaults()).describe();
        assertTrue(d.contains("axi_dma_0: AxiDma (xilinx.com:ip:axi_dma:7.1) @ 0x40400000"), d);
        assertTrue(d.contains("add_0: HlsIp"), d);
    }

    @Test
    void searchFindsAPathWithOrWithoutBitAndTheBundledOverlays() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("mine"));
        Files.write(sub.resolve("x.bit"), new byte[] {1});
        Files.write(sub.resolve("x.hwh"), new byte[] {1});
        assertEquals(sub.resolve("x.bit"), Bitstream.find(sub.resolve("x").toString(), null).bitfile());
        assertEquals(sub.resolve("x.hwh"), Bitstream.find(sub.resolve("x.bit").toString(), null).hwh());
        System.setProperty("jynq.cache.dir", dir.resolve("cache").toString());
        Bitstream b = Bitstream.find("dsp_loopback", null);
        assertEquals(dir.resolve("cache/overlays/dsp_loopback/dsp_loopback.bit"), b.bitfile());
        assertTrue(Files.size(b.hwh()) > 10_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bitstream.find("no_such_overlay", null));
        assertTrue(e.getMessage().contains("the bundled overlays [dsp_loopback]"), e.getMessage());
        Files.delete(sub.resolve("x.hwh"));
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> Bitstream.find(sub.resolve("x").toString(), null));
        assertTrue(h.getMessage().contains("LoadOptions.withHwh"), h.getMessage());
    }

    /** Claims a hierarchy holding an AXI DMA, as PYNQ's checkhierarchy examples do. */
    public static final class DmaHierarchy extends DefaultHierarchy {
        public DmaHierarchy(Overlay overlay, Hierarchy description) {
            super(overlay, description);
        }

        public static boolean checkHierarchy(Hierarchy h) {
            return h.ip().containsKey("axi_dma_0");
        }
    }

    /** A notebook-style driver registered at run time for an IP the built-ins do not cover. */
    @BindTo("xilinx.com:ip:axi_vdma:6.3")
    public static final class Vdma extends DefaultIp {
        public Vdma(Overlay overlay, IpDescription description) {
            super(overlay, description);
        }
    }

    @Test
    void hierarchiesAreClaimedByCheckHierarchyAndDriversRegisterAtRunTime() {
        Path hwh = SharedData.hwh("pynqz1_base.hwh");
        DriverRegistry.registerHierarchy(DmaHierarchy.class);
        DriverRegistry.register(Vdma.class);
        try {
            checkClaims(hwh);
        } finally {
            assertTrue(DriverRegistry.unregister(Vdma.class));
            assertTrue(DriverRegistry.unregister(DmaHierarchy.class));
        }
    }

    private void checkClaims(Path hwh) {
        Overlay ol = Overlay.of(Designs.placeholderBit(dir, "base.bit"), io.jynq.metadata.HwhParser.parse(hwh),
                LoadOptions.defaults().withDevice(dev));
        assertInstanceOf(DmaHierarchy.class, ol.hierarchy("trace_analyzer_pmoda"));
        assertEquals(DefaultHierarchy.class, ol.hierarchy("video").getClass());
        assertInstanceOf(Vdma.class, ol.hierarchy("video").ip("axi_vdma"));
        assertThrows(NoSuchElementException.class, () -> ol.hierarchy("video").ip("nope"));
        assertThrows(IllegalArgumentException.class, () -> DriverRegistry.register(DefaultIp.class));
    }
}
