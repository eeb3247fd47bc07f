package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SERV cores (olofk/serv 9baea86): a real 800-line core with dozens of targets, Flow and Tool
 * API targets, conditionals in file keys, dependencies and parameters, generators and hooks.
 * Expected values are read off servant.core by hand and follow FuseSoC's rules as its
 * test_capi2.py pins them.
 */
class ServantCoreTest {
    private final Core servant = Core.parse(SharedData.capi2("serv/servant.core"));

    @Test
    void nameDescriptionLicense() {
        assertEquals("award-winning:serv:servant:1.4.0", servant.name().toString());
        assertEquals("Simple reference system for SERV", servant.sections().description());
        assertEquals(new License("ISC", null), servant.sections().license());
    }

    @Test
    void targetsInFileOrder() {
        Map<String, Target> t = servant.sections().targets();
        assertEquals(40, t.size());
        assertEquals(List.of("default", "ac701", "alchitry_au", "alhambra"), List.copyOf(t.keySet()).subList(0, 4));
        assertTrue(t.containsKey("orangecrab_r0.2"));
        assertTrue(t.containsKey("icesugar-nano"));
        assertEquals("zcu106", List.copyOf(t.keySet()).get(39));
        assertEquals(41, servant.sections().filesets().size());
        assertEquals(20, servant.sections().parameters().size());
    }

    @Test
    void simTargetWithIcarus() {
        ResolvedTarget sim = servant.resolve("sim", Flags.of());
        assertEquals("icarus", sim.tool());
        assertEquals(List.of("servant_tb"), sim.toplevel());
        assertEquals(List.of("soc", "servant_tb"), sim.filesets().stream().map(Fileset::name).toList());
        assertEquals(List.of("servant/servant_timer.v", "servant/servant_gpio.v", "servant/servant_mux.v",
                "servant/servant_ram.v", "servant/servant.v", "sw/hello_uart.hex", "bench/servant_sim.v",
                "bench/uart_decoder.v", "bench/servant_tb.v"), sim.fileNames());
        FileEntry hex = sim.files().get(5);
        assertEquals("user", hex.fileType());
        assertEquals(".", hex.copyto());
        assertEquals("verilogSource", sim.files().get(6).fileType());
        assertEquals(List.of("RISCV_FORMAL", "width", "SERV_CLEAR_RAM", "firmware", "memsize"),
                List.copyOf(sim.parameters().keySet()));
        assertEquals(Boolean.TRUE, sim.parameters().get("SERV_CLEAR_RAM").defaultValue());
        assertEquals(8192L, sim.parameters().get("memsize").defaultValue());
        assertEquals("plusarg", sim.parameters().get("firmware").paramtype());
        assertEquals(List.of("award-winning:serv:servile:0", "fusesoc:utils:vlog_tb_utils:0"),
                sim.depends().stream().map(CoreVlnv::toString).toList());
    }

    @Test
    void simTargetWithMduFlag() {
        ResolvedTarget sim = servant.resolve("sim", Flags.of().with("mdu"));
        assertEquals(1L, sim.parameters().get("MDU").defaultValue());
        assertEquals("vlogdefine", sim.parameters().get("MDU").paramtype());
        assertEquals(List.of("award-winning:serv:servile:0", "::mdu:0", "fusesoc:utils:vlog_tb_utils:0"),
                sim.depends().stream().map(CoreVlnv::toString).toList());
    }

    @Test
    void quartusToolSwapsTheRam() {
        ResolvedTarget de0 = servant.resolve("de0_nano", Flags.of());
        assertEquals("quartus", de0.tool());
        assertTrue(de0.fileNames().contains("servant/servant_ram_quartus.sv"));
        assertFalse(de0.fileNames().contains("servant/servant_ram.v"));
        FileEntry sv = de0.files().stream().filter(f -> f.name().equals("servant/servant_ram_quartus.sv")).findFirst()
                .orElseThrow();
        assertEquals("systemVerilogSource", sv.fileType());
        assertEquals(Map.of("family", "Cyclone IV E", "device", "EP4CE22F17C6"), de0.toolOptions());
    }

    @Test
    void verilatorFlowTargetAndVidboFlag() {
        ResolvedTarget v = servant.resolve("verilator_tb", Flags.of());
        assertEquals("sim", v.flow());
        assertEquals("verilator", v.tool());
        assertEquals(List.of("--trace"), v.flowOptions().get("verilator_options"));
        assertTrue(v.fileNames().contains("bench/servant_tb.cpp"));
        assertEquals(1L, v.parameters().get("with_csr").defaultValue());
        ResolvedTarget vidbo = servant.resolve("verilator_tb", Flags.of().with("vidbo"));
        assertTrue(vidbo.fileNames().contains("bench/servant_tb_vidbo.cpp"));
        assertFalse(vidbo.fileNames().contains("bench/servant_tb.cpp"));
        assertEquals("cppSource", vidbo.files().stream().filter(f -> f.name().endsWith("vidbo.cpp")).findFirst()
                .orElseThrow().fileType());
        assertTrue(vidbo.depends().stream().anyMatch(d -> d.name().equals("vidbo")));
    }

    @Test
    void icestickGeneratorAndParameterOverrides() {
        ResolvedTarget ice = servant.resolve("icestick", Flags.of());
        assertEquals(List.of(new GeneratorInstance("ice40pll", "icepll", "append", Map.of("freq_in", 12L, "freq_out", 32L))),
                ice.generate());
        assertEquals("blinky.hex", ice.parameters().get("memfile").defaultValue());
        assertEquals(7168L, ice.parameters().get("memsize").defaultValue());
        assertEquals("ICE40_CORE", ice.parameters().get("PLL").defaultValue());
        assertEquals(List.of("--hx1k", "--package", "tq144", "--freq", 32L), ice.toolOptions().get("nextpnr_options"));
        assertEquals(List.of("mem_files", "soc", "service", "icestick"),
                ice.filesets().stream().map(Fileset::name).toList());
        assertEquals(List.of("sw/blinky.hex", "sw/zephyr_hello.hex", "data/icestick.pcf"),
                ice.filesOfType("user", "PCF").stream().map(FileEntry::name).toList());
    }

    @Test
    void max10HookRunsTheJbcScript() {
        ResolvedTarget max10 = servant.resolve("max10_10m08evk", Flags.of());
        Script jbc = max10.hooks().get("post_run").get(0);
        assertEquals("jbc", jbc.name());
        assertEquals(List.of("quartus_jbcc", "-n", "servant_1_2_1_pof.jam", "servant_1_2_1_pof.jbc"), jbc.cmd());
    }

    @Test
    void defaultTargetAsADependency() {
        ResolvedTarget dep = servant.resolve(Flags.of().target("sim"));
        assertEquals("default", dep.target());
        assertEquals(List.of("soc"), dep.filesets().stream().map(Fileset::name).toList());
    }

    @Test
    void servToplevelOnlyWhenToplevel() {
        Core serv = Core.parse(SharedData.capi2("serv/serv.core"));
        assertEquals(List.of(), serv.resolve(Flags.of()).toplevel());
        assertEquals(List.of(), serv.resolve(Flags.of()).parameters().keySet().stream().filter(p -> p.equals("W")).toList());
        ResolvedTarget top = serv.resolve(Flags.of().toplevel(true));
        assertEquals(List.of("serv_rf_top"), top.toplevel());
        assertEquals(List.of("ALIGN", "COMPRESSED", "MDU", "PRE_REGISTER", "RESET_STRATEGY", "RISCV_FORMAL",
                "SERV_CLEAR_RAM", "WITH_CSR", "W"), List.copyOf(top.parameters().keySet()));
        ResolvedTarget lint = serv.resolve("lint", Flags.of());
        assertEquals("data/verilator_waiver.vlt", lint.files().get(0).name());
        assertEquals("vlt", lint.files().get(0).fileType());
        assertEquals(18, lint.files().size());
        assertEquals(17, serv.resolve(Flags.of()).files().size());
    }

    @Test
    void servingAndServileChainDependencies() {
        Core serving = Core.parse(SharedData.capi2("serv/serving.core"));
        Core servile = Core.parse(SharedData.capi2("serv/servile.core"));
        assertEquals(List.of("award-winning:serv:servile:0"),
                serving.resolve(Flags.of()).depends().stream().map(CoreVlnv::toString).toList());
        ResolvedTarget lint = servile.resolve("lint", Flags.of());
        assertEquals("lint", lint.flow());
        assertEquals("verilator", lint.tool());
        assertEquals(List.of("servile"), lint.toplevel());
    }
}
