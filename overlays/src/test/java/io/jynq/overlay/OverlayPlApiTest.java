package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.Devices;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.mmio.Mmio;
import io.jynq.testing.ScriptedDevice;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PYNQ's {@code pynq_libraries/pl.ipynb} and {@code overlay.ipynb} cells on the real PYNQ-Z1 base design. */
class OverlayPlApiTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Devices.setActive(null);
    }

    private Path base() throws IOException {
        Path d = Files.createDirectories(dir.resolve("ol"));
        Files.createSymbolicLink(d.resolve("base.bit"), SharedData.bit("pynqz1_base.bit"));
        Files.createSymbolicLink(d.resolve("base.hwh"), SharedData.hwh("pynqz1_base.hwh"));
        return d.resolve("base.bit");
    }

    @Test
    void plDictsAreTheLoadedDesignsAlsoForASecondProcess() throws IOException {
        SimDevice dev = SimBoards.open(dir, 32);
        Devices.setActive(dev);
        assertEquals("", PL.bitfileName());
        assertThrows(DeviceException.class, PL::ipDict, "empty PL");
        Overlay ol = new Overlay(base().toString());
        assertEquals(ol.bitfileName(), PL.bitfileName());
        assertEquals(ol.timestamp(), PL.timestamp());
        assertEquals(ol.ipDict().keySet(), PL.ipDict().keySet());
        assertEquals(ol.gpioDict().keySet(), PL.gpioDict().keySet());
        assertEquals(ol.interruptPins().keySet(), dev.interruptPins().keySet());
        assertEquals(ol.clockDict(), PL.clockDict());
        // another process on the same board (a second SimDevice over the state directory) sees the same PL
        try (SimDevice other = SimDevice.open(SimConfig.at(dir.resolve("board")).withDdrBytes(32L << 20))) {
            assertEquals(ol.bitfileName(), other.bitfileName());
            assertEquals(ol.hierarchyDict().keySet(), other.hierarchyDict().keySet());
        }
    }

    @Test
    void aBoardFindsTheDesignsHwhBesideTheBitstream() throws IOException {
        ScriptedDevice board = new ScriptedDevice();
        Path bit = base();
        board.download(bit, io.jynq.metadata.HwhParser.parse(SharedData.hwh("pynqz1_base.hwh")), false);
        assertEquals(bit.toAbsolutePath().toString(), board.bitfileName());
        assertTrue(board.ipDict().containsKey("btns_gpio"), "the default Device reads base.hwh beside base.bit");
        Files.delete(bit.resolveSibling("base.hwh"));
        DeviceException e = assertThrows(DeviceException.class, board::memDict);
        assertTrue(e.getMessage().contains("base.hwh"), e.getMessage());
    }

    @Test
    void bitstreamDownloadWithoutArgumentsUsesTheActiveDevice() throws IOException {
        SimDevice dev = SimBoards.open(dir, 32);
        Devices.setActive(dev);
        Bitstream b = Bitstream.find(base().toString(), null);
        b.download();
        assertEquals(b.bitfile().toString(), PL.bitfileName());
        assertEquals(b.bitfile().toString(), dev.plState().bitfileName());
    }

    @Test
    void loadIpDataWritesTheBramAndResetForgetsTheState() throws IOException {
        SimDevice dev = SimBoards.open(dir, 32);
        Overlay ol = new Overlay(base().toString(), LoadOptions.defaults().withDevice(dev));
        byte[] program = {1, 2, 3, 4, 5, 6};
        ol.loadIpData("iop_pmoda/mb_bram_ctrl", program);
        byte[] back = new byte[8];
        new Mmio(dev, 0x4000_0000L, 8, "bram").read(0, back);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 0, 0}, back, "zero-padded to whole words");
        assertEquals("6 bytes", ol.ipState("iop_pmoda/mb_bram_ctrl"));
        Path bin = Files.write(dir.resolve("prog.bin"), new byte[] {9, 9, 9, 9});
        ol.loadIpData("iop_pmoda/mb_bram_ctrl", bin);
        assertEquals(bin.toAbsolutePath().toString(), ol.ipState("iop_pmoda/mb_bram_ctrl"));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> ol.loadIpData("iop_pmoda/mb_bram_ctrl", new byte[65537]));
        assertTrue(big.getMessage().contains("65536 bytes"), big.getMessage());
        new Mmio(dev, 0x4000_0000L, 8, "bram").read(0, back);
        assertEquals(9, back[0], "a refused load writes nothing");
        assertThrows(java.util.NoSuchElementException.class, () -> ol.loadIpData("no_such_bram", program));
        ol.reset();
        assertNull(ol.ipState("iop_pmoda/mb_bram_ctrl"));
        assertTrue(ol.isLoaded(), "reset does not touch the PL");
    }
}
