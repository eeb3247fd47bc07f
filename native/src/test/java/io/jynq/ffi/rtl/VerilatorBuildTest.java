package io.jynq.ffi.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jynq.error.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Verilator build and the shim, on a tiny stream core written here (an inverter with TLAST). */
class VerilatorBuildTest {
    static final String INVERTER = """
            module inv (input wire clk, input wire rst,
                input wire [15:0] s_axis_tdata, input wire s_axis_tvalid, output wire s_axis_tready, input wire s_axis_tlast,
                output wire [15:0] m_axis_tdata, output wire m_axis_tvalid, input wire m_axis_tready, output wire m_axis_tlast);
              // combinational: each beat passes in the cycle it arrives, inverted
              assign m_axis_tdata = ~s_axis_tdata;
              assign m_axis_tvalid = s_axis_tvalid && !rst;
              assign s_axis_tready = m_axis_tready && !rst;
              assign m_axis_tlast = s_axis_tlast;
            endmodule
            """;
    static final RtlPortRoles ROLES = new RtlPortRoles(Map.ofEntries(Map.entry("CLK", "clk"), Map.entry("RST", "rst"),
            Map.entry("SI_TDATA", "s_axis_tdata"), Map.entry("SI_TVALID", "s_axis_tvalid"),
            Map.entry("SI_TREADY", "s_axis_tready"), Map.entry("SI_TLAST", "s_axis_tlast"),
            Map.entry("SO_TDATA", "m_axis_tdata"), Map.entry("SO_TVALID", "m_axis_tvalid"),
            Map.entry("SO_TREADY", "m_axis_tready"), Map.entry("SO_TLAST", "m_axis_tlast")), false);

    @TempDir
    static Path cache;

    @BeforeAll
    static void verilatorInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/verilator")) || System.getenv("CI") != null,
                "verilator is not installed (sudo apt-get install -y verilator)");
    }

    static RtlBuildSpec spec(Path dir, String text) throws Exception {
        Path v = dir.resolve("inv.v");
        Files.writeString(v, text);
        return new RtlBuildSpec("inv", List.of(v), List.of(), Map.of(), Map.of(), List.of());
    }

    @Test
    void streamsWholePacketsInOneCallAndTheSecondBuildIsCached(@TempDir Path dir) throws Exception {
        VerilatorBuild b = new VerilatorBuild(cache, "verilator");
        RtlBuildSpec s = spec(dir, INVERTER);
        assertEquals(List.of(new RtlPort("clk", true, 1), new RtlPort("rst", true, 1), new RtlPort("s_axis_tdata", true, 16)),
                b.ports(s).subList(0, 3));
        RtlLibrary lib = b.build(s, ROLES);
        assertFalse(lib.fromCache());
        assertTrue(b.build(s, ROLES).fromCache(), "an unchanged core is not rebuilt");
        try (RtlModelHandle m = RtlModelHandle.open(lib)) {
            assertTrue(m.hasStreamIn() && m.hasStreamOut() && !m.hasLite());
            ByteBuffer in = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
            in.putShort((short) 1).putShort((short) 2).putShort((short) 3).putShort((short) 0x00FF).flip();
            ByteBuffer out = ByteBuffer.allocateDirect(64).order(ByteOrder.LITTLE_ENDIAN);
            RtlModelHandle.StreamResult r = m.stream(in, true, out, 8, 1000);
            assertEquals(new RtlModelHandle.StreamResult(8, 8, true, 4, RtlModelHandle.StreamResult.Status.PACKET), r);
            byte[] got = new byte[8];
            out.get(0, got);
            assertArrayEquals(new byte[] {-2, -1, -3, -1, -4, -1, 0, -1}, got);
        }
    }

    @Test
    void aVerilogErrorNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        RtlBuildSpec s = spec(dir, INVERTER.replace("assign m_axis_tlast = s_axis_tlast;", "assign m_axis_tlast = nosuch;"));
        RtlBuildException e = assertThrows(RtlBuildException.class, () -> new VerilatorBuild(cache, "verilator").ports(s));
        SourcePosition at = (SourcePosition) e.place().orElseThrow();
        assertEquals(dir.resolve("inv.v").toString(), at.file());
        assertEquals(8, at.line());  // the assign of m_axis_tlast
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }

    @Test
    void aMissingVerilatorGivesTheAptLine(@TempDir Path dir) throws Exception {
        RtlBuildException e = assertThrows(RtlBuildException.class,
                () -> new VerilatorBuild(cache, "/nonexistent/verilator").build(spec(dir, INVERTER), ROLES));
        assertTrue(e.getMessage().contains("sudo apt-get install -y verilator"), e.getMessage());
    }
}
