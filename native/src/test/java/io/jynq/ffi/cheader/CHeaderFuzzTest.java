package io.jynq.ffi.cheader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * The header parser on arbitrary text: it returns declarations or throws {@link CHeaderException}
 * with a line inside the text, never anything else; and every declaration it returns prints as a
 * prototype that parses back to the same signature. Seeds replay in every run
 * ({@code src/test/resources/io/jynq/ffi/cheader/CHeaderFuzzTestInputs/}); {@code JAZZER_FUZZ=1}
 * runs a coverage-guided campaign.
 */
class CHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parserOnlyEverThrowsCHeaderException(FuzzedDataProvider data) {
        boolean definitions = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        int lines = text.split("\r\n|\r|\n", -1).length;
        List<CDeclaration> ds;
        try {
            ds = definitions ? CHeader.parseDefinitions("f.c", text) : CHeader.parse("f.h", text);
        } catch (CHeaderException e) {
            assertTrue(e.line() >= 1 && e.line() <= lines, "line " + e.line() + " of " + lines + ": " + e.getMessage());
            return;
        }
        for (CDeclaration d : ds) {
            assertTrue(d.line() >= 1 && d.line() <= lines, d + " at line " + d.line());
            roundTrip(d);
        }
    }

    private static void roundTrip(CDeclaration d) {
        List<CDeclaration> again;
        try {
            again = CHeader.parse("again.h", d.signature() + ";");
        } catch (CHeaderException e) {
            // a typedef name from the original text is unknown on its own; everything else must reparse
            assertTrue(e.getMessage().contains("unknown type") || e.getMessage().contains("by value"),
                    d.signature() + " does not reparse: " + e.getMessage());
            return;
        }
        assertEquals(1, again.size());
        assertEquals(d.signature(), again.get(0).signature());
    }
}
