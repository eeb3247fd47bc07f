package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VLNV parsing as FuseSoC's vlnv.py: fields of each form that appears in real cores. */
class CoreVlnvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | vendor | library | name | version | revision | relation | conflict
            "::fifo:1.3-r1|''|''|fifo|1.3|1|==|false",
            "award-winning:serv:servant:1.4.0|award-winning|serv|servant|1.4.0|0|==|false",
            "fusesoc:utils:generators|fusesoc|utils|generators|0|0|>=|false",
            ">=::vlog_tb_utils:1.1|''|''|vlog_tb_utils|1.1|0|>=|false",
            "^::vlnvmajor:1.0|''|''|vlnvmajor|1.0|0|^|false",
            "!::bad:2.0|''|''|bad|2.0|0|==|true",
            "versioned-1.0|''|''|versioned|1.0|0|==|false",
            "name-with-dash-2.1-r3|''|''|name-with-dash|2.1|3|==|false",
            "unversioned|''|''|unversioned|0|0|>=|false",
            "::n|''|''|n|0|0|>=|false",
            "xilinx.com:ip:axi_dma:7.1|xilinx.com|ip|axi_dma|7.1|0|==|false"})
    void parses(String text, String vendor, String library, String name, String version, int revision, String relation,
            boolean conflict) {
        assertEquals(new CoreVlnv(vendor, library, name, version, revision, relation, conflict), CoreVlnv.parse(text));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(delimiter = '|', value = {
            "a:b|found 2 parts",
            "a:b:c:d:e|found 5 parts",
            ">=::nover|needs a version",
            "v:l::1.0|name part is empty",
            "''|empty core name"})
    void refuses(String text, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreVlnv.parse(text));
        assertEquals(true, e.getMessage().contains(fragment), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "::fifo:1.3-r1|::fifo:1.3-r1|fifo_1.3-r1",
            "<=::lte:1.0|<=::lte:1.0|lte_1.0",
            "fusesoc:utils:generators|>=fusesoc:utils:generators:0|fusesoc_utils_generators_0"})
    void printsAsFusesoc(String text, String depString, String sanitized) {
        CoreVlnv v = CoreVlnv.parse(text);
        assertEquals(depString, v.depString());
        assertEquals(sanitized, v.sanitizedName());
    }
}
