package io.jynq.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jynq.device.sim.SimDevice;
import io.jynq.metadata.HwhParser;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cells of PYNQ's {@code zynq_clocks.ipynb} ({@code Clocks.cpu_mhz}, {@code Clocks.fclk0_mhz = ...})
 * on the simulated board, after the real PYNQ-Z1 base and KV260 designs (../shared) are loaded.
 */
class ClocksTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Devices.setActive(null);
    }

    private SimDevice board() {
        SimDevice dev = SimBoards.open(dir, 32);
        Devices.setActive(dev);
        return dev;
    }

    @Test
    void pynqZ1BaseClocksReadAsPynqComputesThem() {
        SimDevice dev = board();
        Overlay.load(SharedData.bit("pynqz1_base.bit").toString(), LoadOptions.defaults().withHwh(SharedData.hwh("pynqz1_base.hwh")));
        assertEquals(650.0, Clocks.cpuMhz(), "ARM PLL 50 x 26 / 2");
        assertEquals(100.0, Clocks.fclkMhz(0), "divisors 5 and 2");
        assertEquals(142.857143, Clocks.fclkMhz(1), "1000 MHz / 7 / 1 rounded to 1 Hz, not the .hwh's ACT 142.857132");
        assertEquals(200.0, Clocks.fclkMhz(2));
        Clocks.setFclkMhz(0, 50);
        assertEquals(50.0, Clocks.fclkMhz(0));
        Clocks.setFclkMhz(1, 3.33);               // PYNQ: "Setting frequency to the closest possible value ..."
        assertEquals(3.333333, Clocks.fclkMhz(1));
        Clocks.setFclkDivisors(2, 10, 2);          // PYNQ: Clocks.set_pl_clk(2, 10, 2)
        assertEquals(50.0, dev.fclkMhz(2));
        assertThrows(IllegalArgumentException.class, () -> Clocks.setFclkDivisors(2, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Clocks.setFclkMhz(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Clocks.fclkMhz(4));
        assertEquals(50.0, Clocks.fclkMhz(2), "a refused call changes nothing");
    }

    @Test
    void reloadingTheOverlaySetsItsClocksAgain() {
        board();
        LoadOptions o = LoadOptions.defaults().withHwh(SharedData.hwh("pynqz1_base.hwh"));
        Overlay ol = Overlay.load(SharedData.bit("pynqz1_base.bit").toString(), o);
        Clocks.setFclkMhz(0, 25);
        ol.download();
        assertEquals(100.0, Clocks.fclkMhz(0), "Overlay.download programs the design's divisors, as PYNQ's does");
    }

    @Test
    void kv260DesignRunsFromItsIoPllAndCpuPll() {
        SimDevice dev = board();
        Overlay ol = Overlay.of(SharedData.bit("pynqz1_base.bit"), HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")),
                LoadOptions.defaults());
        assertEquals(1333.32, dev.cpuMhz(), "APLL 33.333 x 80 / 2, ACPU divisor 1");
        assertEquals(99.999, dev.fclkMhz(0), "IOPLL 33.333 x 60 / 2 = 999.99 MHz over divisors 10, 1");
        assertEquals(1499.985, dev.fclkSourceMhz(2), "PL2 runs from RPLL 33.333 x 90");
        ol.download(); // now the simulated PS runs the KV260's PLLs when the clocks are set
        assertEquals(99.999, dev.fclkMhz(2), "a disabled clock is set to the closest to 100 MHz: RPLL / 15");
    }
}
