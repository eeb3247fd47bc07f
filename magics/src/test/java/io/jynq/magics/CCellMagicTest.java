package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.Devices;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %%c through gcc, JNA and a real JShell session, over a buffer of the simulated board's DDR. */
class CCellMagicTest {
    static final String CHECKSUM = String.join("\n",
            "uint32_t checksum(const uint8_t *data, size_t len) {",
            "    uint32_t s = 0;",
            "    for (size_t i = 0; i < len; i++) s = s * 31 + data[i];",
            "    return s;",
            "}",
            "double scale(double x, int k) { return x * k; }");

    @TempDir
    Path dir;
    private SimDevice board;
    private JShellContext ctx;

    @BeforeEach
    void board() {
        board = SimDevice.open(SimConfig.at(dir.resolve("sim")).withDdrBytes(16 << 20));
        Devices.setActive(board);
        System.setProperty("jynq.cc.cache", dir.resolve("cc").toString());
        ctx = new JShellContext();
    }

    @AfterEach
    void restore() {
        ctx.close();
        Devices.setActive(null);
        board.close();
        System.clearProperty("jynq.cc.cache");
    }

    @Test
    void cellFunctionsBecomeTypedMethodsThatTakeContiguousBuffers() {
        new CCellMagic().eval(ctx, List.of("sums"), CHECKSUM);
        assertTrue(ctx.printed().contains("sums = SumsCLib"), ctx.printed());
        try (ContiguousBuffer buf = Buffers.allocate(1000, DType.UINT8)) {
            long expected = 0;
            for (int i = 0; i < 1000; i++) {
                buf.setInt(i, (i * 7) & 0xFF);
                expected = (expected * 31 + ((i * 7) & 0xFF)) & 0xFFFF_FFFFL;
            }
            String key = Handoff.put(buf);
            ctx.eval("var buf = (io.jynq.buffer.ContiguousBuffer) io.jynq.magics.Handoff.take(\"" + key + "\");");
            assertEquals(String.valueOf(expected), ctx.eval("sums.checksum(buf, buf.byteSize())"));
            assertEquals("7.5", ctx.eval("sums.scale(2.5, 3)"));
            assertTrue(ctx.complete("sums.ch").contains("checksum("), ctx.complete("sums.ch").toString());
        }
    }

    @Test
    void compilerErrorsNameTheCellLine() {
        String broken = "int ok(int x) { return x; }\nint bad(int x) { return x }\n";
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> new CCellMagic().eval(ctx, List.of("broken"), broken));
        assertTrue(e.getMessage().startsWith("cell line 3:"), e.getMessage());
        assertTrue(e.getMessage().contains("error"), e.getMessage());
        assertTrue(ctx.submitted.isEmpty(), "nothing bound after a failed compile");
    }

    @Test
    void badNamesAndEmptyCellsAreUsageErrors() {
        assertThrows(MagicUsageException.class, () -> new CCellMagic().eval(ctx, List.of(), CHECKSUM));
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> new CCellMagic().eval(ctx, List.of("my-lib"), CHECKSUM));
        assertTrue(e.getMessage().contains("\"my-lib\" is not one"), e.getMessage());
        assertThrows(MagicUsageException.class, () -> new CCellMagic().eval(ctx, List.of("x"), "  \n"));
    }
}
