package io.jynq.mmio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register maps by PYNQ's names ({@code _safe_attrname}), in address order, with descriptions, on real designs. */
class PynqRegisterNamesTest {
    @TempDir
    Path dir;

    @Test
    void safeNamesAsPynqMakesThem() {
        assertEquals("Channel_1_GPIO_DATA", PynqNames.safe("Channel-1 GPIO DATA"));
        assertEquals("IVAR_0_", PynqNames.safe("IVAR[0]"));
        assertEquals("r0_reserved", PynqNames.safe("0_reserved"));
        assertEquals("AP_START", PynqNames.safe("AP_START"));
        assertEquals("caf_", PynqNames.safe("café"));
    }

    @Test
    void pynqZ1ButtonsByPynqsNamesListedByAddressWithDescriptions() {
        SimDevice dev = SimBoards.open(dir, 32);
        Overlay ol = Overlay.load(SharedData.bit("pynqz1_base.bit").toString(),
                LoadOptions.defaults().withDevice(dev).withHwh(SharedData.hwh("pynqz1_base.hwh")));
        RegisterMap rm = ol.ip("btns_gpio").registers();
        dev.withModels(() -> dev.model("btns_gpio", AxiGpioModel.class).setInput(1, 0b0110));
        // PYNQ: ol.btns_gpio.register_map.GPIO_DATA.Channel_1_GPIO_DATA
        assertEquals(0b0110, rm.get("GPIO_DATA").field("Channel_1_GPIO_DATA").get());
        assertEquals(0b0110, rm.get("GPIO_DATA").field("Channel-1 GPIO DATA").get(), "the .hwh name still works");
        List<Long> offsets = new ArrayList<>();
        rm.registers().values().forEach(r -> offsets.add(r.byteOffset()));
        List<Long> sorted = new ArrayList<>(offsets);
        sorted.sort(null);
        assertEquals(sorted, offsets, "listed by address, as PYNQ's repr");
        assertEquals(List.of(0x0L, 0x4L, 0x8L, 0xCL, 0x11CL, 0x120L, 0x128L), offsets);
        assertTrue(rm.get("GPIO_DATA").description().equals("Channel-1 AXI GPIO Data register"),
                rm.get("GPIO_DATA").description());
        assertTrue(!rm.get("GIER").field("Global_Interrupt_Enable").description().isEmpty());
        assertTrue(rm.toString().contains("GPIO_DATA = Register(Channel_1_GPIO_DATA=6)"), rm.toString());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> rm.get("GPIO_DATA").field("Channel_9"));
        assertTrue(e.getMessage().contains("Channel-1 GPIO DATA"), e.getMessage());
    }

    /**
     * Opt-in differential test: PYNQ's own {@code _safe_attrname} (from {@code JYNQ_PYNQ_SRC}, a
     * Xilinx/PYNQ checkout) over every register and field name of the shared designs.
     */
    @Test
    void sameNamesAsPynqsOwnFunction() throws Exception {
        String src = io.jynq.config.JynqConfig.current().string(io.jynq.config.Setting.PYNQ_SRC, null);
        assumeTrue(src != null && Files.isRegularFile(Path.of(src, "pynq", "registers.py")),
                "JYNQ_PYNQ_SRC is not a PYNQ checkout; skipping the differential test against pynq/registers.py");
        TreeSet<String> names = new TreeSet<>();
        for (String f : List.of("pynqz1_base.hwh", "kv260_cv_dfx_3_pr.hwh", "pynqz1_logictools.hwh")) {
            OverlayMetadata md = HwhParser.parse(SharedData.hwh(f));
            for (IpDescription d : md.ipDict().values()) {
                d.registers().values().forEach(r -> {
                    names.add(r.name());
                    r.fields().keySet().forEach(names::add);
                });
            }
        }
        Path in = Files.write(dir.resolve("names.txt"), String.join("\n", names).getBytes(StandardCharsets.UTF_8));
        // run the function's own source (the module imports numpy, which this test does not need)
        String py = "import ast,re,sys\n"
                + "t=ast.parse(open(sys.argv[1]).read())\n"
                + "fn=[n for n in t.body if isinstance(n,ast.FunctionDef) and n.name=='_safe_attrname'][0]\n"
                + "g={'re':re}; exec(compile(ast.Module([fn],[]),'registers.py','exec'),g)\n"
                + "for l in open(sys.argv[2]).read().split('\\n'): print(g['_safe_attrname'](l))\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", py, Path.of(src, "pynq", "registers.py").toString(),
                in.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        List<String> theirs = out.lines().toList();
        List<String> ours = names.stream().map(PynqNames::safe).toList();
        assertEquals(theirs, ours);
    }
}
