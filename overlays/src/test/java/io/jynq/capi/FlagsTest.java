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

    @Test
    void targetIsSelectedOnlyWhenToplevel() {
        assertEquals("default", Flags.of().target("sim").selectedTarget());
        assertEquals("sim", Flags.of().target("sim").toplevel(true).selectedTarget());
        assertEquals("default", Flags.of().toplevel(true).selectedTarget());
    }
}
