package io.jynq.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.magics.CellMagic;
import io.jynq.magics.LineMagic;
import io.jynq.magics.MagicUsageException;
import io.jynq.magics.Magics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.Extension;
import org.junit.jupiter.api.Test;

class MagicsExtensionTest {
    private final LineMagic ip = Magics.lineMagics().stream().filter(m -> m.name().equals("ip")).findFirst().orElseThrow();

    @Test
    void theKernelFindsTheExtensionAndEveryMagic() {
        List<String> ext = ServiceLoader.load(Extension.class).stream().map(p -> p.type().getName()).collect(Collectors.toList());
        assertTrue(ext.contains(MagicsExtension.class.getName()), ext.toString());
        List<String> lines = Magics.lineMagics().stream().map(LineMagic::name).sorted().collect(Collectors.toList());
        assertEquals(List.of("device", "ip", "overlay", "overlays", "plot", "registers", "table"), lines);
        assertEquals(List.of("c", "require_overlay"), Magics.cellMagics().stream().map(CellMagic::name).collect(Collectors.toList()));
    }

    @Test
    void helpPrintsTheUsageInsteadOfRunning() {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertNull(MagicsExtension.run(ip, List.of("--help"), () -> {
                throw new AssertionError("must not run");
            }));
        } finally {
            System.setOut(old);
        }
        assertEquals("%ip NAME\n    an IP's description and register map as a table\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mistakesBecomeOneLineErrorsWithoutStackTrace() {
        MagicException usage = assertThrows(MagicException.class, () -> MagicsExtension.run(ip, List.of("x"), () -> {
            throw new MagicUsageException("no IP \"x\"; try %ip axi_dma_0");
        }));
        assertEquals("no IP \"x\"; try %ip axi_dma_0", usage.getMessage());
        assertEquals(0, usage.getStackTrace().length);

        MagicException bad = assertThrows(MagicException.class, () -> MagicsExtension.run(ip, List.of("x"), () -> {
            throw new IllegalArgumentException("offset 0x10000 out of range");
        }));
        assertEquals("offset 0x10000 out of range (usage: %ip NAME)", bad.getMessage());

        MagicException failed = assertThrows(MagicException.class, () -> MagicsExtension.run(ip, List.of("x"), () -> {
            throw new IllegalStateException("overlay not loaded");
        }));
        assertEquals("%ip failed: IllegalStateException: overlay not loaded", failed.getMessage());
        assertEquals(0, failed.getStackTrace().length);
    }

    @Test
    void aResultPassesThrough() {
        assertEquals("v", MagicsExtension.run(ip, List.of("a"), () -> "v"));
    }
}
