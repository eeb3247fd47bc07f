package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flag definitions as FuseSoC's Exprs._flags_to_flag_defs builds them, and target selection. */
class FlagsTest {

    @Test
    void trueDefinesTheNameAValueDefinesNameUnderscoreValueFalseNothing() {
        Flags f = new Flags(Map.of("is_toplevel", true, "tool", "icarus", "target", "sim", "mdu", false, "width", 4L));
        assertEquals(Set.of("is_toplevel", "tool_icarus", "target_sim", "width_4"), f.defined());
    }

    /** A dependency sees the top level's target and tool flags in its default target, as in FuseSoC. */
    @Test
    void builtInFlagsDriveConditionals() {
        String text = "CAPI=2:\nname: ::f:0\nfilesets:\n  rtl: {files: [a.v]}\n  tb: {files: [tb.v]}\n"
                + "  lint: {files: [w.vlt]}\n  top: {files: [top.v]}\ntargets:\n"
                + "  default: {filesets: [rtl, \"target_sim? (tb)\", \"tool_verilator? (lint)\", \"is_toplevel? (top)\"]}\n"
                + "  sim: {filesets: [rtl, tb], toplevel: \"tool_verilator? (tb_top)\"}\n";
        Core c = Core.parse(text, "f.core");
        assertEquals(java.util.List.of("a.v"), c.resolve(Flags.of()).fileNames());
        assertEquals(java.util.List.of("a.v", "tb.v", "w.vlt"),
                c.resolve(Flags.of().target("sim").tool("verilator")).fileNames());
        assertEquals(java.util.List.of("a.v", "top.v"), c.resolve(Flags.of().toplevel(true)).fileNames());
        assertEquals(java.util.List.of(), c.resolve("sim", Flags.of()).toplevel());
        assertEquals(java.util.List.of("tb_top"), c.resolve("sim", Flags.of().tool("verilator")).toplevel());
    }

    @Test
    void targetIsSelectedOnlyWhenToplevel() {
        assertEquals("default", Flags.of().target("sim").selectedTarget());
        assertEquals("sim", Flags.of().target("sim").toplevel(true).selectedTarget());
        assertEquals("default", Flags.of().toplevel(true).selectedTarget());
    }
}
