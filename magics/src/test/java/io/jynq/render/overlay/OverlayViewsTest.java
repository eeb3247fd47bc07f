package io.jynq.render.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.mmio.Mmio;
import io.jynq.mmio.RegisterMap;
import io.jynq.testing.ScriptedDevice;
import io.jynq.testing.SharedData;
import org.junit.jupiter.api.Test;

class OverlayViewsTest {
    @Test
    void ipViewListsRegistersWithClosedSlicesFromTheHwh() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        IpDescription dma = md.ip("trace_analyzer_pmoda/axi_dma_0");
        String html = IpHtml.html(dma, "AxiDma");
        assertTrue(html.contains("xilinx.com:ip:axi_dma:7.1 at 0x"), html);
        assertTrue(html.contains("driver AxiDma"), html);
        assertTrue(html.contains("S2MM_DMACR"), html);
        assertTrue(html.contains("RS[0]"), html);
        assertTrue(html.contains("IRQThreshold[23:16]"), html);
        String text = IpHtml.text(dma, null);
        assertTrue(text.lines().anyMatch(l -> l.contains("0x30") && l.contains("S2MM_DMACR")), text);
    }

    @Test
    void registerMapShowsLiveValuesWithDecodedFields() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        IpDescription dma = md.ip("trace_analyzer_pmoda/axi_dma_0");
        ScriptedDevice dev = new ScriptedDevice();
        long dmacr = dma.physAddr() + dma.register("S2MM_DMACR").byteOffset();
        dev.poke(dmacr, 0x0001_1003L); // RS=1, Reset=0, bit1, IRQThreshold=1
        RegisterMap rm = RegisterMap.of(dma, new Mmio(dev, dma.physAddr(), dma.addrRange(), dma.name()));
        String html = RegisterMapHtml.html(rm);
        assertTrue(html.contains("<code>0x00011003</code>"), html);
        assertTrue(html.contains("RS=1"), html);
        assertTrue(html.contains("IRQThreshold=1"), html);
        String text = RegisterMapHtml.text(rm);
        assertTrue(text.lines().anyMatch(l -> l.contains("S2MM_DMACR") && l.contains("(69635)") && l.contains("RS=1")), text);
    }

    @Test
    void overlayViewNamesEveryIpAndInterrupt() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        String html = OverlayHtml.html("base", md, ip -> ip.vlnv() != null && ip.vlnv().name().equals("axi_gpio") ? "AxiGpio" : "DefaultIp", "loaded");
        for (IpDescription ip : md.ipDict().values()) { // the PS too: as many rows as ipDict() has
            assertTrue(html.contains("<td style=\"text-align:left\">" + ip.name() + "</td>"), ip.name());
        }
        assertTrue(html.contains("<td style=\"text-align:left\">AxiGpio</td>"), html);
        // interrupts one pin per row, not one line of text
        String pinTable = html.substring(html.lastIndexOf("<table"));
        assertEquals(md.interruptPins().size() + 1, pinTable.split("<tr>", -1).length - 1, pinTable);
        assertTrue(html.contains("video/hdmi_in/frontend"), html);
        String text = OverlayHtml.text("base", md, null, "not loaded");
        assertTrue(text.startsWith("Overlay base (" + md.systemInfo().part() + ", not loaded)"), text);
        assertTrue(text.contains("btns_gpio"), text);
        assertTrue(text.lines().filter(l -> l.contains(" → ")).count() == md.interruptPins().size(), text);
    }

    @Test
    void bufferViewShowsAddressShapeAndFirstValues() {
        ScriptedDevice dev = new ScriptedDevice();
        try (ContiguousBuffer buf = Buffers.allocate(dev, new long[] {20}, DType.INT32, false)) {
            for (int i = 0; i < 20; i++) {
                buf.setInt(i, i * 3);
            }
            String html = BufferHtml.html(buf);
            assertTrue(html.contains("i4 [20]"), html);
            assertTrue(html.contains("80 bytes"), html);
            assertTrue(html.contains(Hex.of(buf.physicalAddress())), html);
            assertTrue(html.contains("[0, 3, 6, 9,"), html);
            assertTrue(html.contains("… (20 elements)"), html);
            buf.close();
            String closed = BufferHtml.html(buf);
            assertTrue(closed.contains("closed"), closed);
            assertFalse(closed.contains("[0, 3"), closed);
        }
    }
}
