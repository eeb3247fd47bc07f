package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.Arch;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedClocksTest {
    static final long SLCR = 0xF800_0000L;
    static final long CRL = 0xFF5E_0000L;
    static final long CRF = 0xFD1A_0000L;

    @TempDir
    Path tmp;
    FakeBoard board;

    @BeforeEach
    void setUp() {
        board = new FakeBoard(tmp);
    }

    /** A PYNQ-Z2 after boot: IO PLL 1000 MHz (50 × 20), FCLK0 = IO PLL / (10 × 1), FCLK1 = / (5 × 4). */
    private void zynqAfterBoot() {
        board.setMemWord(SLCR + 0x108, 20 << 12 | 0x1);         // IO_PLL_CTRL: PLL_FDIV 20
        board.setMemWord(SLCR + 0x100, 40 << 12);                // ARM_PLL_CTRL: 2000 MHz
        board.setMemWord(SLCR + 0x170, 1 << 20 | 10 << 8);      // FPGA0_CLK_CTRL: SRCSEL 0
        board.setMemWord(SLCR + 0x180, 4 << 20 | 5 << 8 | 2 << 4); // FPGA1: ARM PLL / 20
    }

    @Test
    void zynqClocksAreThePllOverBothDivisors() {
        zynqAfterBoot();
        try (EmbeddedDevice dev = board.device()) {
            assertEquals(100.0, dev.fclkMhz(0));
            assertEquals(100.0, dev.fclkMhz(1), "2000 MHz ARM PLL / 20");
            assertEquals(0.0, dev.fclkMhz(2), "divisors 0: not configured");
        }
    }

    @ParameterizedTest(name = "{0} MHz -> DIVISOR0 {1}, DIVISOR1 {2}")
    @CsvSource({
        "50,      20, 1",
        "142.857, 7,  1",
        "200,     5,  1",
        "3,       37, 9",
        "10,      50, 2",
    })
    void zynqSettingChoosesPynqsDivisorsInOneWrite(double mhz, int div0, int div1) {
        zynqAfterBoot();
        board.setMemWord(SLCR + 0x170, 0xC000_0000 | 1 << 20 | 10 << 8); // unrelated high bits kept
        try (EmbeddedDevice dev = board.device()) {
            dev.setFclkMhz(0, mhz);
            assertEquals(0xC000_0000 | div1 << 20 | div0 << 8, board.memWord(SLCR + 0x170));
            assertTrue(Math.abs(dev.fclkMhz(0) - mhz) <= 0.01 * mhz);
        }
    }

    @Test
    void unreachableFrequenciesAreSetToTheClosestAndBadInputIsRefused() {
        zynqAfterBoot();
        try (EmbeddedDevice dev = board.device()) {
            IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> dev.setFclkMhz(0, 2500));
            assertTrue(high.getMessage().contains("above the source PLL"), high.getMessage());
            dev.setFclkMhz(3, 0.1); // PYNQ: warns "Setting frequency to the closest possible value 0.25195MHz."
            assertEquals(63 << 20 | 63 << 8, board.memWord(SLCR + 0x1A0));
            assertEquals(0.251953, dev.fclkMhz(3));
            assertThrows(IllegalArgumentException.class, () -> dev.setFclkMhz(0, -5));
            assertThrows(IndexOutOfBoundsException.class, () -> dev.fclkMhz(4));
            assertThrows(IndexOutOfBoundsException.class, () -> dev.setFclkMhz(-1, 100));
            assertThrows(IllegalArgumentException.class, () -> dev.setFclkDivisors(0, 64, 1));
            assertEquals(1 << 20 | 10 << 8, board.memWord(SLCR + 0x170), "nothing written by refused calls");
            dev.setFclkDivisors(0, 4, 2);
            assertEquals(125.0, dev.fclkMhz(0));
        }
    }

    @Test
    void overlayDownloadFirstSetsTheDesignsClockDivisors() throws IOException {
        zynqAfterBoot();
        Path bin = Files.write(tmp.resolve("base.bin"), new byte[] {1, 2, 3, 4});
        try (EmbeddedDevice dev = board.device()) {
            OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
            dev.download(bin, md, false);
            assertEquals(1 << 20 | 10 << 8, board.memWord(SLCR + 0x170), "the device's download leaves clocks alone");
            Overlay.of(bin, md, LoadOptions.defaults().withDevice(dev));
            assertEquals(2 << 20 | 5 << 8, board.memWord(SLCR + 0x170), "clock_dict 0: divisors 5, 2");
            assertEquals(1 << 20 | 7 << 8, board.memWord(SLCR + 0x180) & ~0x30, "clock_dict 1: divisors 7, 1");
            assertEquals(100.0, dev.fclkMhz(0));
            assertEquals(200.0, dev.fclkMhz(2));
        }
    }

    @Test
    void overlayDownloadOnZynqMpSetsUnusedClocksTo100Mhz() throws IOException {
        zynqMpAfterBoot();
        Path bin = Files.write(tmp.resolve("cv.bin"), new byte[] {1, 2, 3, 4});
        try (EmbeddedDevice dev = board.device()) {
            Overlay.of(bin, HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")), LoadOptions.defaults().withDevice(dev));
            assertEquals(1 << 24 | 1 << 16 | 10 << 8, board.memWord(CRL + 0xC0), "enabled: divisors 10, 1 and CLKACT");
            assertEquals(1 << 24 | 1 << 16 | 15 << 8, board.memWord(CRL + 0xC8), "unused: 1499.985 / 15 = 99.999 MHz");
            assertEquals(99.999, dev.fclkMhz(3));
        }
    }

    @Test
    void cpuClockAsPynqReadsIt() throws IOException {
        zynqAfterBoot();
        board.setMemWord(SLCR + 0x120, 2 << 8);               // ARM_CLK_CTRL: SRCSEL 0 (ARM PLL), DIVISOR 2
        try (EmbeddedDevice dev = board.device()) {
            assertEquals(1000.0, dev.cpuMhz(), "2000 MHz ARM PLL / 2");
        }
    }

    /** A KV260 after boot: IOPLL 33.333 × 90 / 2 = 1499.985 MHz; PL0 = IOPLL / 15; DPLL 33.333 × 64 = 2133.312 MHz. */
    private void zynqMpAfterBoot() throws IOException {
        Files.write(board.paths.deviceTreeCompatible(), "xlnx,zynqmp-sk-kv260\0xlnx,zynqmp\0".getBytes(StandardCharsets.US_ASCII));
        board.setMemWord(CRL + 0x20, 1 << 16 | 90 << 8);    // IOPLL_CTRL: DIV2, FBDIV 90
        board.setMemWord(CRF + 0x2C, 64 << 8);              // DPLL_CTRL: FBDIV 64
        board.setMemWord(CRL + 0xC0, 1 << 24 | 1 << 16 | 15 << 8); // PL0_REF_CTRL: SRCSEL 0
        board.setMemWord(CRL + 0xC4, 1 << 24 | 2 << 16 | 8 << 8 | 3); // PL1: DPLL / 16
    }

    @Test
    void zynqMpClocksComeFromCrlApbAndTheDeviceTreeSaysWhichFamily() throws IOException {
        zynqMpAfterBoot();
        try (EmbeddedDevice dev = board.device()) {
            assertEquals(99.999, dev.fclkMhz(0));
            assertEquals(133.332, dev.fclkMhz(1));
            dev.setFclkMhz(0, 300);
            assertEquals(1 << 24 | 1 << 16 | 5 << 8, board.memWord(CRL + 0xC0), "CLKACT, DIVISOR1 1, DIVISOR0 5");
            assertEquals(299.997, dev.fclkMhz(0));
        }
    }

    @Test
    void zynqMpRefusesAPllFedFromAnotherReference() throws IOException {
        zynqMpAfterBoot();
        board.setMemWord(CRL + 0x20, 2 << 20 | 90 << 8); // PRE_SRC 2
        try (EmbeddedDevice dev = board.device(Arch.ZYNQ_ULTRASCALE)) {
            var e = assertThrows(io.jynq.device.DeviceException.class, () -> dev.fclkMhz(0));
            assertTrue(e.getMessage().contains("PRE_SRC=2"), e.getMessage());
        }
    }
}
