package io.jynq.device.sim.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.device.sim.SimDevice;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Overlay;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in differential test against a third-party core: {@code AFRL:device:axi_lite_gpio} (MIT),
 * whose register map copies Xilinx AXI GPIO, run register script by register script against
 * JYNQ's own AXI GPIO model. The HDL is never committed: point {@code JYNQ_RTL_SRC} at a folder
 * holding its {@code .core} (and its dependencies' cores); without it the test skips.
 */
class ThirdPartyGpioDifferentialTest {
    @TempDir
    Path dir;

    /** Writes (offset, value) then reads every register: what a PYNQ AxiGPIO driver does. */
    static final int[][] SCRIPT = {{0x4, 0x0}, {0x0, 0xA}, {0x0, 0x5}, {0x4, 0xF}, {0xC, 0x0}, {0x4, 0x3}, {0x0, 0xFF}};

    @Test
    void registerScriptsReadTheSameOnTheRtlAndOnTheModel() throws IOException {
        Optional<Path> src = JynqConfig.current().path(Setting.RTL_SRC);
        assumeTrue(src.isPresent(), "opt-in: set JYNQ_RTL_SRC to a folder with AFRL's axi_lite_gpio core to compare it"
                + " with JYNQ's AXI GPIO model");
        RtlTestCores.requireVerilator();
        Path core;
        try (Stream<Path> s = Files.walk(src.get(), 8)) {
            core = s.filter(p -> p.getFileName().toString().endsWith(".core"))
                    .filter(p -> read(p).contains("axi_lite_gpio")).findFirst().orElse(null);
        }
        assumeTrue(core != null, "no core naming axi_lite_gpio under " + src.get());
        Overlay rtl = SimBoards.dspLoopback(dir.resolve("rtl"));
        ((SimDevice) rtl.device()).rtl("axi_gpio_0", core, "sim", Map.of(), Map.of());
        Overlay model = SimBoards.dspLoopback(dir.resolve("model"));
        assertEquals(trace(model), trace(rtl));
    }

    private static List<String> trace(Overlay ol) {
        Mmio gpio = new Mmio(ol.device(), DspLoopback.GPIO, 0x10000, "axi_gpio_0");
        List<String> reads = new ArrayList<>();
        for (int[] step : SCRIPT) {
            gpio.write32(step[0], step[1]);
            for (int off : new int[] {0x0, 0x4, 0x8, 0xC}) {
                reads.add(String.format("after 0x%X<-0x%X: 0x%X = 0x%X", step[0], step[1], off, gpio.read32(off)));
            }
        }
        return reads;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
