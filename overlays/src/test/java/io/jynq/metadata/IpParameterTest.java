package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: one reader of numeric IP parameters for drivers and simulation models (they read
 * {@code c_include_sg}, {@code 0b1} and {@code 0xFFFFFFFF} differently before).
 */
class IpParameterTest {
    private static IpDescription ip(Map<String, String> parameters) {
        return new IpDescription("axi_dma_0", "axi_dma_0", "axi_dma_0", null, "xilinx.com:ip:axi_dma:7.1", 0x4040_0000L,
                0x10000, "S_AXI_LITE", MemType.REGISTER, null, false, parameters, Map.of(), Map.of(), Map.of());
    }

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource({"26, 26", "' 26 ', 26", "0x1A, 26", "0X1a, 26", "0b11010, 26", "0B11010, 26", "-3, -3",
            "0xFFFFFFFF, 4294967295", "0b0, 0"})
    void numbersInEveryFormVivadoWrites(String text, long value) {
        assertEquals(value, ip(Map.of("C_SG_LENGTH_WIDTH", text)).parameterLong("C_SG_LENGTH_WIDTH", 7));
    }

    @Test
    void theExactNameWinsElseCaseIsIgnoredElseTheDefault() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("C_INCLUDE_SG", "1");
        p.put("c_include_sg", "0");
        p.put("C_MICRO_DMA", "1");
        p.put("C_BLANK", " ");
        IpDescription d = ip(p);
        assertEquals(0, d.parameterLong("c_include_sg", 5));
        assertEquals(1, d.parameterLong("C_INCLUDE_SG", 5));
        assertEquals(1, d.parameterLong("c_micro_dma", 5));
        assertEquals(5, d.parameterLong("C_BLANK", 5));
        assertEquals(5, d.parameterLong("C_ABSENT", 5));
    }

    @ParameterizedTest
    @CsvSource({"abc", "0x", "0b102", "-0x5", "1.5", "99999999999999999999999"})
    void aValueThatIsNotANumberNamesTheIpParameterAndValue(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class,
                () -> ip(Map.of("C_SG_LENGTH_WIDTH", text)).parameterLong("C_SG_LENGTH_WIDTH", 7));
        assertTrue(e.getMessage().contains("axi_dma_0") && e.getMessage().contains("C_SG_LENGTH_WIDTH")
                && e.getMessage().contains(text), e.getMessage());
    }
}
