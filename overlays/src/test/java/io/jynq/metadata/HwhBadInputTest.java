package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad .hwh input: each case gives a MetadataException naming the file, the line and column of
 * the offending place (marked in the input by the text {@code at}) and what was expected.
 */
class HwhBadInputTest {

    static Arguments bad(String what, UnaryOperator<String> mutate, String at, String expected) {
        return Arguments.of(what, mutate, at, expected);
    }

    static List<Arguments> cases() {
        return List.of(
                bad("empty file", s -> "", null, "no XML element found"),
                bad("truncated file", s -> s.substring(0, s.indexOf("<MODULE FULLNAME=\"/intc\"")), null,
                        "expected </MODULES>"),
                bad("missing MODULES", s -> s.substring(0, s.indexOf("  <MODULES>")) + "</EDKSYSTEM>\n",
                        "</EDKSYSTEM>", "no MODULES element"),
                bad("MEMRANGE naming an unknown instance",
                        s -> s.replace("INSTANCE=\"mem_bram_ctrl\" MASTER", "INSTANCE=\"axi_dma_9\" MASTER"),
                        "<MEMRANGE ADDRESSBLOCK=\"Mem0\"", "MEMRANGE names unknown INSTANCE \"axi_dma_9\""),
                bad("non-hex address", s -> s.replace("BASEVALUE=\"0x41200000\"", "BASEVALUE=\"0x4120G000\""),
                        "<MEMRANGE ADDRESSBLOCK=\"Reg\" BASEVALUE=\"0x4120G000\"", "BASEVALUE \"0x4120G000\" is not a hex address"),
                bad("overlapping address ranges (issue 14)",
                        s -> s.replace("BASEVALUE=\"0x40400000\" HIGHVALUE=\"0x4040FFFF\"",
                                "BASEVALUE=\"0x41208000\" HIGHVALUE=\"0x41217FFF\""),
                        "<MEMRANGE ADDRESSBLOCK=\"Reg\" BASEVALUE=\"0x41208000\"",
                        "the address range of dma/axi_dma [0x41208000, 0x41217FFF] overlaps axi_gpio_0 [0x41200000, 0x4120FFFF]"),
                bad("duplicate instance names", s -> s.replace("INSTANCE=\"slice_0\"", "INSTANCE=\"intc\""),
                        "<MODULE FULLNAME=\"/slice_0\"", "duplicate INSTANCE \"intc\""),
                bad("mismatched end tag", s -> s.replace("</PORTS>\n    </MODULE>\n    <MODULE FULLNAME=\"/slice_0\"",
                        "</PORT>\n    </MODULE>\n    <MODULE FULLNAME=\"/slice_0\""), "</PORT>\n    </MODULE>\n    <MODULE FULLNAME=\"/slice_0\"",
                        "expected </PORTS>"),
                bad("register without ADDRESS_OFFSET", s -> s.replace("<PROPERTY NAME=\"ADDRESS_OFFSET\" VALUE=\"0x11C\"/>", ""),
                        "<REGISTER NAME=\"GIER\">", "REGISTER GIER in axi_gpio_0 has no PROPERTY NAME=\"ADDRESS_OFFSET\""),
                bad("unknown access", s -> s.replace("<PROPERTY NAME=\"ACCESS\" VALUE=\"read-write\"/>\n              <PROPERTY NAME=\"RESET",
                        "<PROPERTY NAME=\"ACCESS\" VALUE=\"sometimes\"/>\n              <PROPERTY NAME=\"RESET"),
                        "<REGISTER NAME=\"GPIO_DATA\">", "expected read-write"),
                bad("unknown entity", s -> s.replace("&amp; more", "&nbsp; more"), "&nbsp;", "unknown entity &nbsp"),
                bad("PS without clock parameters", s -> s.replace("<PARAMETER NAME=\"PCW_FPGA_FCLK2_ENABLE\" VALUE=\"0\"/>", ""),
                        "<MODULE FULLNAME=\"/ps7_0\"", "no PARAMETER PCW_FPGA_FCLK2_ENABLE"),
                bad("wrong root element", s -> s.replace("EDKSYSTEM", "PROJECT"), "<PROJECT", "expected <EDKSYSTEM>"),
                bad("interrupt loop", s -> s.replace("NAME=\"In1\" RIGHT=\"0\" SIGIS=\"undef\" SIGNAME=\"axi_gpio_0_ip2intc_irpt\"",
                        "NAME=\"In1\" RIGHT=\"0\" SIGIS=\"undef\" SIGNAME=\"irq_concat_dout\""),
                        "<MODULE FULLNAME=\"/irq_concat\"", "interrupt loop through irq_concat"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badHwhNamesFileLineColumnAndExpectation(String what, UnaryOperator<String> mutate, String at, String expected) {
        String input = mutate.apply(TinyHwh.text());
        MetadataException e = assertThrows(MetadataException.class,
                () -> HwhParser.parse(input.getBytes(StandardCharsets.UTF_8), "bad.hwh"));
        assertEquals("bad.hwh", e.file());
        int[] lc = at == null ? endOf(input) : lineColumn(input, input.indexOf(at));
        assertEquals(lc[0] + ":" + lc[1], e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.hwh:" + lc[0] + ":" + lc[1] + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void bitHandedInAsHwhIsRecognised() throws IOException {
        byte[] bit = Arrays.copyOf(Files.readAllBytes(SharedData.bit("pynqz1_base.bit")), 4096);
        MetadataException e = assertThrows(MetadataException.class, () -> HwhParser.parse(bit, "base.bit"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("looks like a Xilinx .bit bitstream"), e.getMessage());
    }

    private static int[] lineColumn(String s, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("marker not in the mutated input");
        }
        int line = 1;
        int col = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static int[] endOf(String s) {
        return lineColumn(s, s.length());
    }
}
