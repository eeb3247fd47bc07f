package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.jynq.metadata.BusConnection;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.DspLoopback;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bundled dsp_loopback {@code .hwh} reads as designed: JYNQ's parser gives the address map,
 * interrupts and stream links of the README, and the same dictionaries PYNQ's own legacy parser
 * computed for it ({@code dsp_loopback.pynq.json}, made with {@code hwh_parser._HWHZynq}).
 */
class DspLoopbackHwhTest {
    private final OverlayMetadata md = DspLoopback.metadata();

    @Test
    void ipDictHasTheReadmesAddressMap() {
        Map<String, Long> bases = new TreeMap<>();
        for (IpDescription ip : md.ipDict().values()) {
            if (!ip.processingSystem()) {
                bases.put(ip.name() + " " + ip.type() + " " + ip.memtype(), ip.physAddr());
            }
        }
        assertEquals(Map.of(
                "axi_bram_ctrl_0 xilinx.com:ip:axi_bram_ctrl:4.1 MEMORY", 0x4000_0000L,
                "axi_dma_0 xilinx.com:ip:axi_dma:7.1 REGISTER", 0x4040_0000L,
                "axi_gpio_0 xilinx.com:ip:axi_gpio:2.0 REGISTER", 0x4120_0000L,
                "axi_intc_0 xilinx.com:ip:axi_intc:4.1 REGISTER", 0x4180_0000L,
                "fir_0 xilinx.com:hls:fir:1.0 REGISTER", 0x43C0_0000L,
                "add_0 xilinx.com:hls:add:1.0 REGISTER", 0x43C1_0000L), bases);
        assertEquals(0x18, md.ip("add_0").register("a").byteOffset());
        assertEquals(0x20, md.ip("add_0").register("b").byteOffset());
        assertEquals(0x10, md.ip("add_0").register("ap_return").byteOffset());
        assertEquals("0", md.ip("axi_dma_0").parameter("c_include_sg"));
    }

    @Test
    void interruptsReachIrq61ThroughTheIntc() {
        assertEquals(61, md.interruptControllers().get("axi_intc_0").rawIrq());
        assertEquals(0, md.interruptPins().get("axi_dma_0/mm2s_introut").index());
        assertEquals(1, md.interruptPins().get("axi_dma_0/s2mm_introut").index());
        assertEquals(2, md.interruptPins().get("axi_gpio_0/ip2intc_irpt").index());
        assertEquals(3, md.interruptPins().get("add_0/interrupt").index());
    }

    @Test
    void streamsRunMm2sThroughTheFirToS2mm() {
        List<String> links = md.streamConnections().stream().map(BusConnection::toString).sorted().toList();
        assertEquals(List.of(
                "axi_dma_0/M_AXIS_MM2S -> fir_0/in_stream (axi_dma_0_M_AXIS_MM2S)",
                "fir_0/out_stream -> axi_dma_0/S_AXIS_S2MM (fir_0_out_stream)"), links);
    }

    @Test
    void pynqJsonEqualsWhatPynqsLegacyParserComputed() throws Exception {
        JsonElement expected;
        try (InputStream in = getClass().getResourceAsStream("/io/jynq/overlays/dsp_loopback/dsp_loopback.pynq.json")) {
            expected = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonElement actual = JsonParser.parseString(md.toPynqJson());
        for (String key : expected.getAsJsonObject().keySet()) {
            assertEquals(expected.getAsJsonObject().get(key), actual.getAsJsonObject().get(key), key);
        }
        assertEquals(expected, actual);
    }

    @Test
    void theBitstreamHasAValidXilinxHeader() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> BitstreamCheck.check(DspLoopback.bit()));
    }
}
