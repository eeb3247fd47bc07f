package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: a 1 MB {@code .core} with 5,000 aliases of one 1 MB string printed 5 GB with
 * {@code --target default} and ended in OutOfMemoryError with {@code --json}. The expansion is
 * budgeted in characters as well as in values.
 */
class CoreAliasBombTest {
    /** A core whose description is a 1 MB string referred to {@code aliases} times from a file list. */
    static String bomb(int aliases) {
        StringBuilder sb = new StringBuilder(1_100_000 + aliases * 8);
        sb.append("CAPI=2:\nname: ::bomb:0\ndescription: &s \"").append("x".repeat(1 << 20)).append("\"\n");
        sb.append("filesets:\n  rtl:\n    files:\n");
        for (int i = 0; i < aliases; i++) {
            sb.append("      - *s\n");
        }
        sb.append("targets:\n  default:\n    filesets: [rtl]\n");
        return sb.toString();
    }

    @Test
    void fiveThousandAliasesOfAMegabyteStringAreRefusedNamingTheBudget() {
        CapiException e = assertThrows(CapiException.class, () -> Core.parse(bomb(5_000), "bomb.core"));
        assertTrue(e.getMessage().startsWith("bomb.core:") && e.getMessage().contains("characters through aliases"),
                e.getMessage());
    }

    @Test
    void aFewAliasesOfALongStringStillWork() {
        Core.parse(bomb(3), "few.core");
    }
}
