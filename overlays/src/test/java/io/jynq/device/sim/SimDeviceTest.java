package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.Devices;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.device.sim.model.HlsModel;
import io.jynq.device.sim.model.IpContext;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.testing.DspLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Download, PL state, MMIO windows and model registration on the simulated board. */
class SimDeviceTest {
    @TempDir
    Path dir;

    @Test
    void simIsAProviderByNameAndHonoursTheStateDirectorySetting() {
        String old = System.getProperty("jynq.sim.dir");
        System.setProperty("jynq.sim.dir", dir.toString());
        try (var d = Devices.open("sim")) {
            assertEquals("sim", d.name());
            assertEquals(dir, ((SimDevice) d).config().stateDirectory());
            assertTrue(Files.exists(dir.resolve("ddr.bin")));
        } finally {
            if (old == null) {
                System.clearProperty("jynq.sim.dir");
            } else {
                System.setProperty("jynq.sim.dir", old);
            }
        }
    }

    @Test
    void downloadRecordsThePlStateWithTheHwhHash() throws Exception {
        try (SimDevice board = SimDevice.open(SimConfig.at(dir))) {
            assertFalse(board.plState().isProgrammed());
            board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            PlState s = board.plState();
            assertEquals(DspLoopback.bit().toAbsolutePath().toString(), s.bitfileName());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(DspLoopback.hwh())));
            assertEquals(sha, s.metadataSha256());
            assertFalse(s.partial());
            assertEquals(100.0, board.fclkMhz(0), 0.5);
        }
    }

    @Test
    void aBadBitstreamIsRefusedAndKeepsThePlAsItWas() throws Exception {
        try (SimDevice board = DspLoopback.board(dir)) {
            PlState before = board.plState();
            board.map(DspLoopback.GPIO, 0x10000).write32(AxiGpioLayout.GPIO_DATA, 5);
            Path bad = dir.resolve("bad.bit");
            byte[] b = Files.readAllBytes(DspLoopback.bit());
            Files.write(bad, java.util.Arrays.copyOf(b, b.length - 4));
            var e = assertThrows(DeviceException.class, () -> board.download(bad, DspLoopback.metadata(), false));
            assertTrue(e.getMessage().contains("bad.bit") && e.getMessage().contains("length"), e.getMessage());
            assertEquals(before, board.plState());
            assertEquals(5, board.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO_DATA));
        }
    }

    @Test
    void plClocksTakePynqsDivisorsOfTheIoPllAndRefuseWhatABoardRefuses() {
        try (SimDevice board = DspLoopback.board(dir)) {
            board.setFclkMhz(1, 142);
            assertEquals(142.857143, board.fclkMhz(1), "IO PLL 1000 MHz / 7 / 1, as PYNQ-Z1's fclk1 reads back");
            board.setFclkMhz(2, 3);
            assertEquals(3.003003, board.fclkMhz(2), "divisors 37 and 9, as the embedded backend writes them");
            board.setFclkMhz(3, 0.1);
            assertEquals(0.251953, board.fclkMhz(3), "PYNQ sets the closest, 1000 / 63 / 63, with a warning");
            IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> board.setFclkMhz(0, 2500));
            assertTrue(high.getMessage().contains("above the source PLL"), high.getMessage());
            assertEquals(100.0, board.fclkMhz(0), "a refused request leaves the clock as it was");
            assertThrows(IndexOutOfBoundsException.class, () -> board.fclkMhz(4));
            assertThrows(IllegalArgumentException.class, () -> board.setFclkMhz(0, -5));
        }
    }

    @Test
    void aDesignOverlappingSimulatedDdrIsRefusedAndKeepsThePl() throws Exception {
        Path file = dir.resolve("clash.hwh");
        Files.writeString(file, Files.readString(DspLoopback.hwh())
                .replace("BASEVALUE=\"0x40000000\" HIGHNAME=\"C_S_AXI_HIGHADDR\" HIGHVALUE=\"0x40001FFF\"",
                        "BASEVALUE=\"0x10000000\" HIGHNAME=\"C_S_AXI_HIGHADDR\" HIGHVALUE=\"0x10001FFF\""));
        try (SimDevice board = DspLoopback.board(dir.resolve("board"))) {
            PlState before = board.plState();
            var e = assertThrows(DeviceException.class,
                    () -> board.download(DspLoopback.bit(), io.jynq.metadata.HwhParser.parse(file), false));
            assertTrue(e.getMessage().contains("axi_bram_ctrl_0") && e.getMessage().contains("overlaps simulated DDR"),
                    e.getMessage());
            assertEquals(before, board.plState());
        }
    }

    @Test
    void aFailingModelFactoryNamesTheIpAndKeepsThePl() throws Exception {
        try (SimDevice board = DspLoopback.board(dir.resolve("board"))) {
            board.map(DspLoopback.GPIO, 0x10000).write32(AxiGpioLayout.GPIO_DATA, 0xC);
            PlState before = board.plState();
            long regsFiles;
            try (var files = Files.list(dir.resolve("board"))) {
                regsFiles = files.filter(p -> p.toString().endsWith(".regs")).count();
            }
            Sim.register("xilinx.com:hls:add:1.0", ctx -> {
                throw new IllegalStateException("broken model");
            });
            try {
                var e = assertThrows(DeviceException.class,
                        () -> board.download(DspLoopback.bit(), DspLoopback.metadata(), false));
                assertTrue(e.getMessage().contains("add_0") && e.getMessage().contains("broken model"), e.getMessage());
            } finally {
                Sim.unregister("xilinx.com:hls:add:1.0");
            }
            assertEquals(before, board.plState());
            assertEquals(0xC, board.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO_DATA));
            try (var files = Files.list(dir.resolve("board"))) {
                assertEquals(regsFiles, files.filter(p -> p.toString().endsWith(".regs")).count(),
                        "the failed download left no register file behind");
            }
        }
    }

    @Test
    void mapBeforeAnyDownloadSaysSo() {
        try (SimDevice board = SimDevice.open(SimConfig.at(dir))) {
            var e = assertThrows(DeviceException.class, () -> board.map(DspLoopback.GPIO, 4));
            assertTrue(e.getMessage().contains("no overlay is downloaded"), e.getMessage());
        }
    }

    @Test
    void mapWhereNothingIsNamesTheAddressAndNearbyIp() {
        try (SimDevice board = DspLoopback.board(dir)) {
            var e = assertThrows(DeviceException.class, () -> board.map(0x4121_0000L, 4));
            assertTrue(e.getMessage().contains("0x41210000") && e.getMessage().contains("axi_gpio_0"), e.getMessage());
            var e2 = assertThrows(DeviceException.class, () -> board.map(DspLoopback.GPIO + 0xFFF0, 0x20));
            assertTrue(e2.getMessage().contains("ends at"), e2.getMessage());
            assertThrows(IllegalArgumentException.class, () -> board.map(DspLoopback.GPIO, 0));
        }
    }

    @Test
    void registerSpacesCheckTheirBounds() {
        try (SimDevice board = DspLoopback.board(dir)) {
            RegisterSpace gpio = board.map(DspLoopback.GPIO, 0x200);
            assertThrows(IndexOutOfBoundsException.class, () -> gpio.read32(0x200));
            assertThrows(IndexOutOfBoundsException.class, () -> gpio.write32(-4, 0));
            RegisterSpace bram = board.map(DspLoopback.BRAM, 0x2000);
            assertThrows(IndexOutOfBoundsException.class, () -> bram.read32(0x2000));
            assertThrows(IndexOutOfBoundsException.class, () -> bram.read32(1L << 32));
        }
    }

    @Test
    void pg078BramIsByteAddressableMemoryOverItsWholeRange() {
        try (SimDevice board = DspLoopback.board(dir)) {
            RegisterSpace bram = board.map(DspLoopback.BRAM, 0x2000);
            bram.write64(0x1FF8, 0x0123_4567_89AB_CDEFL);
            assertEquals(0x89AB_CDEF, bram.read32(0x1FF8));
            assertEquals((byte) 0x01, bram.read8(0x1FFF));
            RegisterSpace upper = board.map(DspLoopback.BRAM + 0x1000, 0x1000);
            assertEquals(0x0123_4567, upper.read32(0xFFC), "a sub-range window sees the same memory");
        }
    }

    @Test
    void narrowWritesToAModelUseByteStrobes() {
        try (SimDevice board = DspLoopback.board(dir)) {
            RegisterSpace add = board.map(DspLoopback.ADD, 0x10000);
            add.write32(0x18, 0x1122_3344);
            add.write8(0x19, (byte) 0xAA);
            assertEquals(0x1122_AA44, add.read32(0x18));
            add.write16(0x1A, (short) 0xBEEF);
            assertEquals(0xBEEF_AA44, add.read32(0x18));
            assertEquals((short) 0xBEEF, add.read16(0x1A));
        }
    }

    @Test
    void aSecondBoardOnTheSameStateSeesTheDesignTheRegistersAndANewDownload() {
        try (SimDevice first = DspLoopback.board(dir); SimDevice second = SimDevice.open(SimConfig.at(dir))) {
            first.map(DspLoopback.GPIO, 0x10000).write32(AxiGpioLayout.GPIO_DATA, 0x9);
            assertEquals(first.plState(), second.plState());
            RegisterSpace gpio2 = second.map(DspLoopback.GPIO, 0x10000);
            assertEquals(0x9, gpio2.read32(AxiGpioLayout.GPIO_DATA), "attached without reset: the shared register value");
            second.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b11);
            assertEquals(0b11, first.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO2_DATA),
                    "pin levels are shared too");
            PlState before = first.plState();
            second.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            assertNotEquals(before, first.plState(), "the other download is visible at once");
            assertTrue(first.plState().timestamp().isAfter(before.timestamp()));
            assertEquals(0, first.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO_DATA),
                    "a fresh map sees the new download's reset values");
        }
    }

    /** A user's HLS core: what a notebook cell would register. */
    static final class MulModel extends HlsModel {
        MulModel(IpContext ctx) {
            super(ctx);
        }

        @Override
        protected boolean compute() {
            setResult("ap_return", arg("a") * arg("b"));
            return true;
        }
    }

    @Test
    void aModelRegisteredAtRunTimeReplacesTheBundledOne() {
        Sim.register("xilinx.com:hls:add:1.0", MulModel::new);
        try (SimDevice board = DspLoopback.board(dir)) {
            RegisterSpace add = board.map(DspLoopback.ADD, 0x10000);
            add.write32(0x18, 6);
            add.write32(0x20, 7);
            add.write32(0, 1);
            assertEquals(42, add.read32(0x10));
        } finally {
            assertTrue(Sim.unregister("xilinx.com:hls:add:1.0"));
        }
    }

    @Test
    void modelLookupNamesWhatExists() {
        try (SimDevice board = DspLoopback.board(dir)) {
            for (var bound : java.util.Map.of("axi_dma_0", io.jynq.device.sim.model.AxiDmaModel.class,
                    "axi_gpio_0", AxiGpioModel.class, "axi_intc_0", io.jynq.device.sim.model.AxiIntcModel.class).entrySet()) {
                assertTrue(bound.getValue().isInstance(board.model(bound.getKey(), bound.getValue())), bound.toString());
            }
            var memory = assertThrows(IllegalArgumentException.class,
                    () -> board.model("axi_bram_ctrl_0", io.jynq.device.sim.model.AxiDmaModel.class));
            assertTrue(memory.getMessage().contains("a plain memory"), memory.getMessage());
            var e = assertThrows(java.util.NoSuchElementException.class, () -> board.model("gpio", AxiGpioModel.class));
            assertTrue(e.getMessage().contains("axi_gpio_0"), e.getMessage());
            var e2 = assertThrows(IllegalArgumentException.class, () -> board.model("axi_dma_0", AxiGpioModel.class));
            assertTrue(e2.getMessage().contains("AxiDmaModel"), e2.getMessage());
        }
    }

    @Test
    void modelsBeforeAnyDownloadAreRefusedNamingTheIpAndWhatToDo() {
        try (SimDevice board = SimDevice.open(SimConfig.at(dir))) {
            var e = assertThrows(DeviceException.class, () -> board.model("axi_gpio_0", AxiGpioModel.class));
            assertEquals("no model of \"axi_gpio_0\": no overlay is downloaded to the simulated PL (download one first)",
                    e.getMessage());
            var e2 = assertThrows(DeviceException.class, () -> board.withModels(() -> { }));
            assertTrue(e2.getMessage().endsWith("(download one first)"), e2.getMessage());
        }
    }

    @Test
    void closedBoardRefusesCallsAndItsBuffers() {
        SimDevice board = SimDevice.open(SimConfig.at(dir));
        var m = board.allocate(64, 64, false);
        board.close();
        assertThrows(IllegalStateException.class, m::buffer);
        m.close();
        assertThrows(IllegalStateException.class, board::plState);
        assertThrows(IllegalStateException.class, () -> board.allocate(64, 64, false));
    }

    @Test
    void mm2sWiredStraightToS2mmCopiesABufferThroughTheStream() throws Exception {
        String hwh = Files.readString(DspLoopback.hwh())
                .replace("BUSNAME=\"axi_dma_0_M_AXIS_MM2S\" NAME=\"in_stream\"", "BUSNAME=\"unused_in\" NAME=\"in_stream\"")
                .replace("BUSNAME=\"fir_0_out_stream\" NAME=\"out_stream\"", "BUSNAME=\"unused_out\" NAME=\"out_stream\"")
                .replace("BUSNAME=\"fir_0_out_stream\" NAME=\"S_AXIS_S2MM\"", "BUSNAME=\"axi_dma_0_M_AXIS_MM2S\" NAME=\"S_AXIS_S2MM\"");
        Path file = dir.resolve("loop.hwh");
        Files.writeString(file, hwh);
        try (SimDevice board = SimDevice.open(SimConfig.at(dir.resolve("board")))) {
            board.download(DspLoopback.bit(), io.jynq.metadata.HwhParser.parse(file), false);
            RegisterSpace dma = board.map(DspLoopback.DMA, 0x10000);
            int n = 3 << 20;
            try (var src = board.allocate(n, 64, false); var dst = board.allocate(n, 64, false)) {
                for (int i = 0; i < n; i += 4) {
                    src.buffer().putInt(i, i * 31);
                }
                dma.write32(0x00, 1);
                dma.write32(0x30, 1);
                dma.write32(0x18, (int) src.physicalAddress());
                dma.write32(0x28, n);
                assertEquals(0, dma.read32(0x04) & 2, "the stream is full and S2MM is not armed: MM2S busy");
                dma.write32(0x48, (int) dst.physicalAddress());
                dma.write32(0x58, n);
                assertEquals(2, dma.read32(0x04) & 2, "MM2S idle");
                assertEquals(2, dma.read32(0x34) & 2, "S2MM idle");
                assertEquals(n, dma.read32(0x58));
                assertEquals(0, src.buffer().compareTo(dst.buffer()), "same bytes");
            }
        }
    }
}
