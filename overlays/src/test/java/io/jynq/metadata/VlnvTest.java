package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VlnvTest {

    @Test
    void parsesFourPartsAndPrintsThemBack() {
        Vlnv v = Vlnv.parse("xilinx.com:ip:axi_dma:7.1");
        assertEquals(new Vlnv("xilinx.com", "ip", "axi_dma", "7.1"), v);
        assertEquals("xilinx.com:ip:axi_dma:7.1", v.toString());
        assertEquals("xilinx.com:ip:axi_dma", v.withoutVersion());
    }

    @Test
    void matchesIgnoringVersionOnly() {
        Vlnv v71 = Vlnv.parse("xilinx.com:ip:axi_dma:7.1");
        assertTrue(v71.matchesIgnoringVersion(Vlnv.parse("xilinx.com:ip:axi_dma:7.0")));
        assertFalse(v71.matchesIgnoringVersion(Vlnv.parse("xilinx.com:ip:axi_vdma:7.1")));
        assertFalse(v71.matchesIgnoringVersion(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b:c", "a:b:c:d:e", ":b:c:d", "a::c:d", "a:b:c:", "xilinx.com:ip:axi_dma"})
    void refusesMalformedTextNamingIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vlnv.parse(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        assertNull(Vlnv.tryParse(text));
    }
}
