package io.jynq.device.sim.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.capi.CapiException;
import io.jynq.error.SourcePosition;
import io.jynq.ffi.rtl.RtlBuildSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A core's target resolved for Verilator as FuseSoC resolves it (no Verilator run needed). */
class RtlCoreTest {

    @Test
    void theSimTargetGivesParametersOptionsAndTheToplevel() {
        RtlBuildSpec s = RtlCore.resolve(RtlTestCores.core("rtl_add.core"), "sim", Map.of(), List.of());
        assertEquals("rtl_add", s.top());
        assertEquals(Map.of("LATENCY", "4"), s.parameters());
        assertEquals(List.of("-Wno-WIDTH"), s.options(), "tools: verilator: verilator_options of the target");
        assertEquals(List.of(RtlTestCores.core("rtl_add.v")), s.sources());
    }

    @Test
    void overridesWinAndVlogdefinesBecomeDefines() {
        RtlBuildSpec s = RtlCore.resolve(RtlTestCores.core("rtl_scaler.core"), "sim", Map.of("GAIN", 9, "SCALER_OFFSET", -1),
                List.of());
        assertEquals(Map.of("GAIN", "9", "STALL", "0"), s.parameters());
        assertEquals(Map.of("SCALER_OFFSET", "-1"), s.defines());
    }

    @Test
    void aDependencyIsTheHighestVersionSatisfyingItsRelation() {
        RtlBuildSpec s = RtlCore.resolve(RtlTestCores.core("rtl_scaler.core"), "sim", Map.of(), List.of());
        assertEquals(List.of(RtlTestCores.core("scaler_defs.vh")), s.includeFiles(),
                "scaler_defs 1.2 (>=1.1), not 1.0 whose include is old/scaler_defs.vh");
    }

    @Test
    void aMissingDependencyNamesTheCoreAndTheVersionsFound(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("needs.core"), """
                CAPI=2:
                name: ::needs:1.0
                filesets:
                  rtl: {files: [x.v], file_type: verilogSource, depend: ["^jynq:test:scaler_defs:2.0"]}
                targets:
                  default: {filesets: [rtl], toplevel: x}
                """);
        CapiException e = assertThrows(CapiException.class,
                () -> RtlCore.resolve(dir.resolve("needs.core"), "sim", Map.of(), List.of(RtlTestCores.folder())));
        assertTrue(e.getMessage().contains("no core in the library satisfies ^jynq:test:scaler_defs:2.0"), e.getMessage());
        assertTrue(e.getMessage().contains("jynq:test:scaler_defs:1.2"), "lists the versions found: " + e.getMessage());
    }

    @Test
    void vhdlIsRefusedAtTheFileEntry() {
        CapiException e = assertThrows(CapiException.class,
                () -> RtlCore.resolve(RtlTestCores.core("rtl_vhdl.core"), "sim", Map.of(), List.of()));
        assertTrue(e.getMessage().contains("counter.vhd is vhdlSource: Verilator simulates Verilog and SystemVerilog only"),
                e.getMessage());
        assertTrue(e.place().orElseThrow() instanceof SourcePosition p && p.file().endsWith("rtl_vhdl.core") && p.line() > 1,
                "the place is the file entry in the core: " + e.place());
    }
}
