package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FuseSoC's conditional grammar (capi2/exprs.py): words, flag ? (...), !flag ? (...), nesting. */
class ExpressionTest {

    @ParameterizedTest(name = "\"{0}\" with [{1}] -> \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "tool_verilator? (data/x.vlt)|tool_verilator|data/x.vlt",
            "tool_verilator? (data/x.vlt)|tool_icarus|''",
            "!tool_quartus? (servant/servant_ram.v)|tool_icarus|servant/servant_ram.v",
            "!tool_quartus? (servant/servant_ram.v)|tool_quartus|''",
            "tool_verilator   ? (files_verilator_waiver)|tool_verilator|files_verilator_waiver",
            "tool_icarus? (plusarg) !tool_icarus? (vlogparam)|''|vlogparam",
            "tool_icarus? (plusarg) !tool_icarus? (vlogparam)|tool_icarus|plusarg",
            "a? (b? (both) !b? (only_a))|a b|both",
            "a? (b? (both) !b? (only_a))|a|only_a",
            "a? (b? (both) !b? (only_a))|b|''",
            "mdu? (MDU=1)|mdu|MDU=1",
            "x y a? (z w)|a|x y z w",
            "! neg ? (spaced)|''|spaced",
            "\">=::vlog_tb_utils:1.1\" plain|''|\">=::vlog_tb_utils:1.1\" plain"})
    void expands(String text, String flags, String expected) {
        Set<String> defined = flags.isEmpty() ? Set.of() : Set.of(flags.split(" "));
        assertEquals(expected, Expression.parse(text).expand(defined));
    }

    @ParameterizedTest(name = "\"{0}\" is malformed")
    @CsvSource(delimiter = '|', value = {
            "a ? (b|missing ')'",
            "a ? b|expected '('",
            "!a|expected '?'",
            "a ? ()|empty ( )",
            "a) b|unbalanced ')'",
            "é ? (x)|unexpected 'é'",
            "''|empty expression"})
    void malformed(String text, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse(text));
        assertEquals(true, e.getMessage().contains(fragment), e.getMessage());
    }
}
