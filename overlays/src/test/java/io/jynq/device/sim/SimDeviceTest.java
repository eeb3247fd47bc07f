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
            var e = assertThrows(java.util.NoSuchElementException.class, () -> board.model("gpio", AxiGpioModel.class));
            assertTrue(e.getMessage().contains("axi_gpio_0"), e.getMessage());
            var e2 = assertThrows(IllegalArgumentException.class, () -> board.model("axi_dma_0", AxiGpioModel.class));
            assertTrue(e2.getMessage().contains("AxiDmaModel"), e2.getMessage());
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
}
