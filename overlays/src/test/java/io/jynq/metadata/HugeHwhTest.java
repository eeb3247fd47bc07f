package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a {@code .hwh} element with 300,000 attributes did not finish in 600 s (the
 * duplicate-attribute check compared each name with every earlier one). The deadline below only
 * guards against a hang: a linear check takes well under a second.
 */
class HugeHwhTest {
    static final int ATTRIBUTES = 300_000;

    /** tiny_zynq with {@code n} extra attributes on SYSTEMINFO, the last one a duplicate of {@code dup} if not null. */
    static byte[] withAttributes(int n, String dup) {
        StringBuilder extra = new StringBuilder(n * 14);
        for (int i = 0; i < n; i++) {
            extra.append(" X").append(i).append("=\"1\"");
        }
        if (dup != null) {
            extra.append(' ').append(dup).append("=\"2\"");
        }
        return TinyHwh.text().replace("<SYSTEMINFO ARCH=", "<SYSTEMINFO" + extra + " ARCH=").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void threeHundredThousandAttributesParseInLinearTime() {
        byte[] hwh = withAttributes(ATTRIBUTES, null);
        OverlayMetadata md = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> HwhParser.parse(hwh, "huge.hwh"));
        assertEquals(TinyHwh.parse().ipDict().keySet(), md.ipDict().keySet());
    }

    @Test
    void aDuplicateAmongThemIsStillFoundAndNamed() {
        for (String dup : new String[] {"X0", "X150000", "X299999", "ARCH"}) {
            byte[] hwh = withAttributes(ATTRIBUTES, dup);
            MetadataException e = assertThrows(MetadataException.class, () -> assertTimeoutPreemptively(
                    Duration.ofMinutes(2), () -> HwhParser.parse(hwh, "huge.hwh")));
            assertTrue(e.getMessage().contains("duplicate attribute " + dup), e.getMessage());
        }
    }
}
