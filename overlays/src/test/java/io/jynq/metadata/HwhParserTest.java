package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What users and the simulator read from parsed metadata, on the tiny design and real files. */
class HwhParserTest {

    @Test
    void ipDictGivesAddressRangeTypeAndRegisterMap() {
        IpDescription gpio = TinyHwh.parse().ip("axi_gpio_0");
        assertEquals(0x41200000L, gpio.physAddr());
        assertEquals(0x10000L, gpio.addrRange());
        assertEquals("S_AXI", gpio.memId());
        assertEquals(MemType.REGISTER, gpio.memtype());
        assertEquals(Vlnv.parse("xilinx.com:ip:axi_gpio:2.0"), gpio.vlnv());
        assertEquals("4", gpio.parameter("C_GPIO_WIDTH"));
        RegisterDescription gier = gpio.register("GIER");
        assertEquals(0x11C, gier.byteOffset());
        assertEquals(32, gier.sizeBits());
        assertEquals(Access.READ_WRITE, gier.access());
        assertNull(gier.resetValue());
        RegisterField enable = gier.field("Global_Interrupt_Enable");
        assertEquals(31, enable.bitOffset());
        assertEquals(1, enable.bitWidth());
        assertEquals(0x80000000L, enable.mask());
        assertEquals("Master enable", enable.description(), "the record keeps the field's own description");
        assertEquals("Channel 1 AXI GPIO Data Register & more.", gpio.register("GPIO_DATA").description());
        assertEquals(List.of("GPIO_DATA", "GIER"), List.copyOf(gpio.registers().keySet()), "file order");
    }

    @Test
    void lookupMissListsTheNamesThatExist() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> TinyHwh.parse().ip("axi_gpio_9"));
        assertTrue(e.getMessage().contains("axi_gpio_9") && e.getMessage().contains("axi_gpio_0")
                && e.getMessage().contains("dma/axi_dma"), e.getMessage());
        NoSuchElementException r = assertThrows(NoSuchElementException.class,
                () -> TinyHwh.parse().ip("axi_gpio_0").register("NOPE"));
        assertTrue(r.getMessage().contains("GIER"), r.getMessage());
    }

    @Test
    void interruptsAreTracedThroughConcatAndIntcToRawIrq() {
        OverlayMetadata md = TinyHwh.parse();
        assertEquals(new InterruptController("intc", "", 0, 61), md.interruptControllers().get("intc"));
        assertEquals(new InterruptPin("dma/axi_dma/s2mm_introut", "intc", 0, null),
                md.interruptPins().get("dma/axi_dma/s2mm_introut"));
        assertEquals(new InterruptPin("axi_gpio_0/ip2intc_irpt", "intc", 1, null),
                md.ip("axi_gpio_0").interrupts().get("ip2intc_irpt"));
        assertEquals(1, md.ip("dma/axi_dma").interrupts().size());
    }

    @Test
    void interruptConnectionsGiveTheSimulatorEveryHop() {
        List<String> hops = TinyHwh.parse().interruptConnections().stream().map(Object::toString)
                .collect(Collectors.toList());
        assertTrue(hops.contains("dma/axi_dma/s2mm_introut -> irq_concat/In0 (dma_axi_dma_s2mm_introut)"), hops.toString());
        assertTrue(hops.contains("irq_concat/dout -> intc/intr (irq_concat_dout)"), hops.toString());
        assertTrue(hops.contains("intc/irq -> ps7_0/IRQ_F2P (intc_irq)"), hops.toString());
        assertFalse(hops.stream().anyMatch(h -> h.contains("gpio_io_o")), "nets without an interrupt are left out");
    }

    @Test
    void streamConnectionsPairMasterAndSlaveByBusname() {
        OverlayMetadata md = TinyHwh.parse();
        assertEquals(List.of(new BusConnection("dma_loop", Vlnv.parse("xilinx.com:interface:axis:1.0"), "dma/axi_dma",
                "M_AXIS_MM2S", "dma/axi_dma", "S_AXIS_S2MM")), md.streamConnections());
        assertEquals(new java.util.TreeSet<>(List.of("ps7_0/M_AXI_GP0 -> axi_gpio_0/S_AXI",
                "ps7_0/M_AXI_GP0 -> dma/axi_dma/S_AXI_LITE", "ps7_0/M_AXI_GP0 -> mem/bram_ctrl/S_AXI",
                "dma/axi_dma/M_AXIS_MM2S -> dma/axi_dma/S_AXIS_S2MM", "dma/axi_dma/M_AXI_S2MM -> ps7_0/S_AXI_HP0")),
                md.busConnections().stream().map(c -> c.masterFullpath() + "/" + c.masterInterface() + " -> "
                        + c.slaveFullpath() + "/" + c.slaveInterface()).collect(Collectors.toCollection(java.util.TreeSet::new)),
                "three AXI-Lite slaves of M_AXI_GP0, the stream, and the DMA's S2MM into the PS's HP0");
        BusInterfaceDescription mm2s = md.module("dma_axi_dma").busInterfaces().get("M_AXIS_MM2S");
        assertEquals("4", mm2s.parameters().get("TDATA_NUM_BYTES"));
        assertEquals("m_axis_mm2s_tdata", mm2s.portMaps().get("TDATA"));
    }

    @Test
    void gpioSliceHierarchyMemoryAndClocks() {
        OverlayMetadata md = TinyHwh.parse();
        assertEquals(new GpioEntry("slice_0", 5, List.of("slice_0/Dout")), md.gpioDict().get("slice_0"));
        assertEquals(List.of("dma", "mem"), md.hierarchyDict().keySet().stream().sorted().toList());
        assertTrue(md.hierarchyDict().get("dma").ip().containsKey("axi_dma"));
        assertTrue(md.memDict().containsKey("mem/bram_ctrl"));
        assertTrue(md.hierarchyDict().get("mem").memories().containsKey("bram_ctrl"));
        assertEquals(new ClockInfo(0, true, 5, 2, 100.0), md.clockDict().get(0));
        assertEquals(new ClockInfo(1, false, 1, 1, null), md.clockDict().get(1));
        assertEquals("ps7_0", md.processingSystem());
        assertTrue(md.module("ps7_0").processingSystem());
        assertTrue(md.ip("ps7_0").processingSystem());
        assertEquals(4, md.module("axi_gpio_0").ports().get("gpio_io_o").widthBits());
        assertEquals(List.of(new MemRange("ps7_0", 0, 0x1FFFFFFFL, MemType.MEMORY, "M_AXI_S2MM", "S_AXI_HP0", null)),
                md.module("dma/axi_dma").memoryMap());
        assertEquals(List.of("axi_gpio_0/gpio_io_o", "led"), md.nets().get("axi_gpio_0_gpio_io_o").pins());
    }

    @Test
    void familyComesFromTheFileNotTheHost() {
        OverlayMetadata z7 = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        assertEquals(Arch.ZYNQ, z7.arch());
        assertEquals("7z020clg400-1", z7.systemInfo().part());
        assertEquals(61, z7.interruptControllers().get("system_interrupts").rawIrq());
        OverlayMetadata zu = HwhParser.parse(SharedData.hwh("ultra96_sensors96b.hwh"));
        assertEquals(Arch.ZYNQ_ULTRASCALE, zu.arch());
        assertEquals(121, zu.interruptPins().get("axi_uart16550_0/ip2intc_irpt").rawIrq());
        assertEquals("xilinx.com:kv260_som:part0:1.3",
                HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")).systemInfo().board());
    }

    @Test
    void realBaseOverlayKeepsEveryModuleAndItsDmaStream() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        assertEquals(137, md.modules().size());
        assertEquals(0x43C00000L, md.ip("video/hdmi_in/color_convert").physAddr() & 0xFFF00000L);
        RegisterDescription s2mmDa = md.ip("trace_analyzer_pmoda/axi_dma_0").register("S2MM_DA");
        assertEquals(0x48, s2mmDa.byteOffset());
        assertTrue(md.streamConnections().stream().anyMatch(c -> c.slaveFullpath().equals("trace_analyzer_pmoda/axi_dma_0")
                && c.slaveInterface().equals("S_AXIS_S2MM")), md.streamConnections().toString());
        assertTrue(md.interruptConnections().stream().anyMatch(c -> c.sinkPort().equals("IRQ_F2P")));
    }

    @Test
    void partialDesignHasNoPsAndKeysByMasterInterface() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("kv260_pr2_add_partial.hwh"));
        assertTrue(md.partial());
        assertNull(md.processingSystem());
        assertEquals("s_axi_control", md.ip("add_accel").memId());
        assertTrue(md.clockDict().isEmpty());
    }

    @Test
    void recordsAreImmutable() {
        OverlayMetadata md = TinyHwh.parse();
        assertThrows(UnsupportedOperationException.class, () -> md.ipDict().clear());
        assertThrows(UnsupportedOperationException.class, () -> md.ip("axi_gpio_0").registers().clear());
        assertThrows(UnsupportedOperationException.class, () -> md.gpioDict().get("slice_0").pins().clear());
        assertThrows(UnsupportedOperationException.class, () -> md.busConnections().clear());
    }
}
