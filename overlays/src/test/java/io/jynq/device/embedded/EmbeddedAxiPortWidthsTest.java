package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZynqMP full downloads set the PS-PL AXI port widths of the design, as PYNQ's set_axi_port_width does. */
class EmbeddedAxiPortWidthsTest {
    @TempDir
    Path tmp;
    FakeBoard board;
    Path bin;

    @BeforeEach
    void setUp() throws Exception {
        board = new FakeBoard(Files.createDirectories(tmp.resolve("root")));
        bin = Files.write(tmp.resolve("cv.bin"), new byte[] {1, 2, 3, 4});
        board.zynqMp(); // IOPLL 1499.985 MHz, for the unused clocks' 100 MHz
        for (AxiPortWidths.Field f : AxiPortWidths.FIELDS) {
            board.setMemWord(f.address(), 0xFFFF_FFFF); // every other bit must survive
        }
    }

    @Test
    void kv260DesignWith128BitPortsGetsItsWidthsAfterProgramming() throws Exception {
        Path hwh = SharedData.hwh("kv260_cv_dfx_3_pr.hwh"); // HPM0/1 128, HPM0_LPD 32, every S_AXI 128
        OverlayMetadata md = HwhParser.parse(hwh);
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bin, md, false);
            assertEquals(0xFFFF_FAFF, board.memWord(0xFD61_5000L), "DW_SS0_SEL [9:8] = 2, DW_SS1_SEL [11:10] = 2");
            assertEquals(0xFFFF_FCFF, board.memWord(0xFF41_9000L), "DW_SS2_SEL [9:8] = 0 (32 bits)");
            for (long afifm : new long[] {0xFD36_0000L, 0xFD37_0000L, 0xFD38_0000L, 0xFD39_0000L, 0xFD3A_0000L,
                    0xFD3B_0000L, 0xFF9B_0000L}) {
                assertEquals(0xFFFF_FFFC, board.memWord(afifm), String.format("RDCTRL FABRIC_WIDTH at 0x%x = 0", afifm));
                assertEquals(0xFFFF_FFFC, board.memWord(afifm + 0x14), String.format("WRCTRL at 0x%x = 0", afifm + 0x14));
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(hwh)));
            assertEquals(sha, dev.plState().metadataSha256());
        }
    }

    @Test
    void zynq7000AndPartialDownloadsLeaveThePortsAlone() throws Exception {
        try (EmbeddedDevice dev = board.device(io.jynq.metadata.Arch.ZYNQ)) {
            dev.download(bin, HwhParser.parse(SharedData.hwh("pynqz1_base.hwh")), false);
            dev.download(bin, HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")), true);
            assertEquals(0xFFFF_FFFF, board.memWord(0xFD61_5000L));
            assertEquals(0xFFFF_FFFF, board.memWord(0xFD36_0000L));
        }
    }
}
